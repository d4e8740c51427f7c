# SPDX-License-Identifier: MIT
# bench/roundtrip.gp - instructions per hypercall round trip per
# architecture, compiler and call: the known call, an unknown number and
# the physical floor as bars; the goal and Bao's figure as horizontal marks.
#   gnuplot -e "datafile='build/bench/roundtrip.dat'; outfile='build/bench/roundtrip.png'; ymax=400" bench/roundtrip.gp
# bench/roundtrip.py writes the data file (label roundtrip unknown floor
# goal bao; -1 = none) and runs this.
if (!exists("datafile")) datafile = 'build/bench/roundtrip.dat'
if (!exists("outfile")) outfile = 'build/bench/roundtrip.png'
if (!exists("ymax")) ymax = 500

set terminal pngcairo size 1200,640 noenhanced font ",10"
set output outfile
set title "Hypercall round trip under qemu -icount shift=0,sleep=off (instructions per call, N = 100,000, guest loop included)"
set ylabel "instructions per call"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set grid ytics
set yrange [0:ymax]
set xtics rotate by -25 nomirror
set bmargin 7
set key outside right top vertical
none(x) = (x < 0 ? NaN : x)
# The value labels come last, on an opaque box, so a goal or peer mark
# near a bar's top does not hide its figure.
set style textbox opaque noborder
plot datafile using 2:xtic(1) title "round trip (known call)" lc rgb "#3465a4", \
     '' using 3 title "unknown number" lc rgb "#75507b", \
     '' using 4 title "physical floor" lc rgb "#f57900", \
     '' using ($0):(none($5)):(0.42) with xerrorbars title "goal" lc rgb "#cc0000" lw 3 pt 0, \
     '' using ($0):(none($6)):(0.42) with xerrorbars title "Bao (peer)" lc rgb "#4e9a06" lw 3 pt 0 dt 2, \
     '' using ($0 - 0.25):2:(sprintf("%.0f", $2)) with labels boxed offset 0,0.8 notitle, \
     '' using ($0):(none($3)):(sprintf("%.0f", $3)) with labels boxed offset 0,0.8 notitle, \
     '' using ($0 + 0.25):4:(sprintf("%.0f", $4)) with labels boxed offset 0,0.8 notitle
