# SPDX-License-Identifier: MIT
# bench/roundtrip.gp - instructions per hypercall round trip against the
# floor (trap, frame save/restore, return), per architecture and compiler.
#   gnuplot -e "datafile='build/bench/roundtrip.dat'; outfile='build/bench/roundtrip.png'" bench/roundtrip.gp
# bench/roundtrip.py writes the data file (label roundtrip floor) and runs this.
if (!exists("datafile")) datafile = 'build/bench/roundtrip.dat'
if (!exists("outfile")) outfile = 'build/bench/roundtrip.png'

set terminal pngcairo size 900,500 noenhanced font ",10"
set output outfile
set title "Hypercall round trip under qemu -icount shift=0,sleep=off (instructions per call, N = 100,000)"
set ylabel "instructions per call"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set grid ytics
set yrange [0:*]
set xtics rotate by -30
set key top left
plot datafile using 2:xtic(1) title "round trip (typed null call)" lc rgb "#3465a4", \
     '' using 3 title "floor (trap, save/restore, return)" lc rgb "#f57900", \
     '' using 0:2:(sprintf("%.0f", $2)) with labels offset -2,0.7 notitle, \
     '' using 0:3:(sprintf("%.0f", $3)) with labels offset 2,0.7 notitle
