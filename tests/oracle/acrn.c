/* SPDX-License-Identifier: MIT */
/*
 * hcall's ACRN structures and numbers (<hcall/abi/acrn.h>) against
 * Linux's own, /usr/include/linux/acrn.h (Debian's linux-libc-dev), field
 * by field; hcall's error codes against Linux's errno values.
 *
 * Linux's uapi header carries the structures the Service VM and the
 * hypervisor share, but not the hypercall IDs (they are in
 * drivers/virt/acrn/hypercall.h, not installed). The HSM's ioctl numbers
 * reuse the hypercall's low byte for the calls it forwards one to one, so
 * those are compared. Structures Linux does not declare (wp_data,
 * vm_gpa2hpa, sbuf_param, hw_info, intr_monitor, asyncio_info...) are
 * checked against ACRN v3.3's values in tests/unit/test_abi_acrn.c.
 */
#if defined(__has_include)
#if __has_include(<linux/acrn.h>) && __has_include(<asm-generic/errno.h>)
#define HAVE_LINUX_ACRN 1
#endif
#endif

#include "oracle.h"

#ifndef HAVE_LINUX_ACRN
int main(void)
{
	return oracle_skip("no <linux/acrn.h> and <asm-generic/errno.h> "
			   "(Debian: linux-libc-dev, installed by ./sdk deps)");
}
#else
#include <asm-generic/errno.h>
#include <linux/acrn.h>
#include <linux/ioctl.h>

#include <hcall/abi/acrn.h>

static void io_requests(void)
{
	ORACLE_EQ(HCALL_ACRN_IO_REQUEST_MAX, ACRN_IO_REQUEST_MAX);
	ORACLE_EQ(HCALL_ACRN_IOREQ_STATE_PENDING, ACRN_IOREQ_STATE_PENDING);
	ORACLE_EQ(HCALL_ACRN_IOREQ_STATE_COMPLETE, ACRN_IOREQ_STATE_COMPLETE);
	ORACLE_EQ(HCALL_ACRN_IOREQ_STATE_PROCESSING, ACRN_IOREQ_STATE_PROCESSING);
	ORACLE_EQ(HCALL_ACRN_IOREQ_STATE_FREE, ACRN_IOREQ_STATE_FREE);
	ORACLE_EQ(HCALL_ACRN_IOREQ_TYPE_PORTIO, ACRN_IOREQ_TYPE_PORTIO);
	ORACLE_EQ(HCALL_ACRN_IOREQ_TYPE_MMIO, ACRN_IOREQ_TYPE_MMIO);
	ORACLE_EQ(HCALL_ACRN_IOREQ_TYPE_PCICFG, ACRN_IOREQ_TYPE_PCICFG);
	ORACLE_EQ(HCALL_ACRN_IOREQ_DIR_READ, ACRN_IOREQ_DIR_READ);
	ORACLE_EQ(HCALL_ACRN_IOREQ_DIR_WRITE, ACRN_IOREQ_DIR_WRITE);

	ORACLE_SIZE(hcall_acrn_mmio_request, acrn_mmio_request);
	ORACLE_FIELD(hcall_acrn_mmio_request, acrn_mmio_request, direction);
	ORACLE_FIELD(hcall_acrn_mmio_request, acrn_mmio_request, reserved);
	ORACLE_FIELD(hcall_acrn_mmio_request, acrn_mmio_request, address);
	ORACLE_FIELD(hcall_acrn_mmio_request, acrn_mmio_request, size);
	ORACLE_FIELD(hcall_acrn_mmio_request, acrn_mmio_request, value);

	ORACLE_SIZE(hcall_acrn_pio_request, acrn_pio_request);
	ORACLE_FIELD(hcall_acrn_pio_request, acrn_pio_request, direction);
	ORACLE_FIELD(hcall_acrn_pio_request, acrn_pio_request, reserved);
	ORACLE_FIELD(hcall_acrn_pio_request, acrn_pio_request, address);
	ORACLE_FIELD(hcall_acrn_pio_request, acrn_pio_request, size);
	ORACLE_FIELD(hcall_acrn_pio_request, acrn_pio_request, value);

	ORACLE_SIZE(hcall_acrn_pci_request, acrn_pci_request);
	ORACLE_FIELD(hcall_acrn_pci_request, acrn_pci_request, direction);
	ORACLE_FIELD(hcall_acrn_pci_request, acrn_pci_request, reserved);
	ORACLE_FIELD(hcall_acrn_pci_request, acrn_pci_request, size);
	ORACLE_FIELD(hcall_acrn_pci_request, acrn_pci_request, value);
	ORACLE_FIELD(hcall_acrn_pci_request, acrn_pci_request, bus);
	ORACLE_FIELD(hcall_acrn_pci_request, acrn_pci_request, dev);
	ORACLE_FIELD(hcall_acrn_pci_request, acrn_pci_request, func);
	ORACLE_FIELD(hcall_acrn_pci_request, acrn_pci_request, reg);

	ORACLE_SIZE(hcall_acrn_io_request, acrn_io_request);
	ORACLE_FIELD(hcall_acrn_io_request, acrn_io_request, type);
	ORACLE_FIELD(hcall_acrn_io_request, acrn_io_request, completion_polling);
	ORACLE_FIELD(hcall_acrn_io_request, acrn_io_request, reserved0);
	ORACLE_FIELD(hcall_acrn_io_request, acrn_io_request, reqs);
	ORACLE_FIELD(hcall_acrn_io_request, acrn_io_request, reqs.pio_request);
	ORACLE_FIELD(hcall_acrn_io_request, acrn_io_request, reqs.pci_request);
	ORACLE_FIELD(hcall_acrn_io_request, acrn_io_request, reqs.mmio_request);
	ORACLE_FIELD(hcall_acrn_io_request, acrn_io_request, reqs.data);
	ORACLE_FIELD(hcall_acrn_io_request, acrn_io_request, reserved1);
	ORACLE_FIELD(hcall_acrn_io_request, acrn_io_request, kernel_handled);
	ORACLE_FIELD(hcall_acrn_io_request, acrn_io_request, processed);

	ORACLE_SIZE(hcall_acrn_io_request_buffer, acrn_io_request_buffer);
	ORACLE_FIELD(hcall_acrn_io_request_buffer, acrn_io_request_buffer, req_slot);
	ORACLE_FIELD(hcall_acrn_io_request_buffer, acrn_io_request_buffer, req_slot[15]);
}

/* Linux names bytes 8..23 uuid (ACRN 2.x); ACRN v3.3 reads them as the
 * VM's name. Same place, same size. */
static void vm_creation(void)
{
	ORACLE_SIZE(hcall_acrn_vm_creation, acrn_vm_creation);
	ORACLE_FIELD(hcall_acrn_vm_creation, acrn_vm_creation, vmid);
	ORACLE_FIELD(hcall_acrn_vm_creation, acrn_vm_creation, reserved0);
	ORACLE_FIELD(hcall_acrn_vm_creation, acrn_vm_creation, vcpu_num);
	ORACLE_FIELD(hcall_acrn_vm_creation, acrn_vm_creation, reserved1);
	ORACLE_FIELD2(hcall_acrn_vm_creation, name, acrn_vm_creation, uuid);
	ORACLE_FIELD(hcall_acrn_vm_creation, acrn_vm_creation, vm_flag);
	ORACLE_FIELD(hcall_acrn_vm_creation, acrn_vm_creation, ioreq_buf);
	ORACLE_FIELD(hcall_acrn_vm_creation, acrn_vm_creation, cpu_affinity);
}

static void vcpu_regs(void)
{
	ORACLE_SIZE(hcall_acrn_gp_regs, acrn_gp_regs);
#define GP(r) ORACLE_FIELD(hcall_acrn_gp_regs, acrn_gp_regs, r)
	GP(rax); GP(rcx); GP(rdx); GP(rbx); GP(rsp); GP(rbp); GP(rsi); GP(rdi);
	GP(r8); GP(r9); GP(r10); GP(r11); GP(r12); GP(r13); GP(r14); GP(r15);
#undef GP
	ORACLE_SIZE(hcall_acrn_descriptor_ptr, acrn_descriptor_ptr);
	ORACLE_FIELD(hcall_acrn_descriptor_ptr, acrn_descriptor_ptr, limit);
	ORACLE_FIELD(hcall_acrn_descriptor_ptr, acrn_descriptor_ptr, base);
	ORACLE_FIELD(hcall_acrn_descriptor_ptr, acrn_descriptor_ptr, reserved);
	ORACLE_SIZE(hcall_acrn_regs, acrn_regs);
#define R(f) ORACLE_FIELD(hcall_acrn_regs, acrn_regs, f)
	R(gprs); R(gdt); R(idt); R(rip); R(cs_base); R(cr0); R(cr4); R(cr3);
	R(ia32_efer); R(rflags); R(reserved_64); R(cs_ar); R(cs_limit);
	R(reserved_32); R(cs_sel); R(ss_sel); R(ds_sel); R(es_sel); R(fs_sel);
	R(gs_sel); R(ldt_sel); R(tr_sel);
#undef R
	ORACLE_SIZE(hcall_acrn_vcpu_regs, acrn_vcpu_regs);
	ORACLE_FIELD(hcall_acrn_vcpu_regs, acrn_vcpu_regs, vcpu_id);
	ORACLE_FIELD(hcall_acrn_vcpu_regs, acrn_vcpu_regs, reserved);
	ORACLE_FIELD(hcall_acrn_vcpu_regs, acrn_vcpu_regs, vcpu_regs);
}

static void memory(void)
{
	ORACLE_EQ(HCALL_ACRN_MEM_ACCESS_RIGHT_MASK, ACRN_MEM_ACCESS_RIGHT_MASK);
	ORACLE_EQ(HCALL_ACRN_MEM_ACCESS_READ, ACRN_MEM_ACCESS_READ);
	ORACLE_EQ(HCALL_ACRN_MEM_ACCESS_WRITE, ACRN_MEM_ACCESS_WRITE);
	ORACLE_EQ(HCALL_ACRN_MEM_ACCESS_EXEC, ACRN_MEM_ACCESS_EXEC);
	ORACLE_EQ(HCALL_ACRN_MEM_ACCESS_RWX, ACRN_MEM_ACCESS_RWX);
	ORACLE_EQ(HCALL_ACRN_MEM_TYPE_MASK, ACRN_MEM_TYPE_MASK);
	ORACLE_EQ(HCALL_ACRN_MEM_TYPE_WB, ACRN_MEM_TYPE_WB);
	ORACLE_EQ(HCALL_ACRN_MEM_TYPE_WT, ACRN_MEM_TYPE_WT);
	ORACLE_EQ(HCALL_ACRN_MEM_TYPE_UC, ACRN_MEM_TYPE_UC);
	ORACLE_EQ(HCALL_ACRN_MEM_TYPE_WC, ACRN_MEM_TYPE_WC);
	ORACLE_EQ(HCALL_ACRN_MEM_TYPE_WP, ACRN_MEM_TYPE_WP);
}

static void devices(void)
{
	ORACLE_EQ(HCALL_ACRN_PTDEV_IRQ_INTX, ACRN_PTDEV_IRQ_INTX);
	ORACLE_EQ(HCALL_ACRN_PTDEV_IRQ_MSI, ACRN_PTDEV_IRQ_MSI);
	ORACLE_EQ(HCALL_ACRN_PTDEV_IRQ_MSIX, ACRN_PTDEV_IRQ_MSIX);
	ORACLE_SIZE(hcall_acrn_ptdev_irq, acrn_ptdev_irq);
	ORACLE_FIELD(hcall_acrn_ptdev_irq, acrn_ptdev_irq, type);
	ORACLE_FIELD(hcall_acrn_ptdev_irq, acrn_ptdev_irq, virt_bdf);
	ORACLE_FIELD(hcall_acrn_ptdev_irq, acrn_ptdev_irq, phys_bdf);
	ORACLE_FIELD(hcall_acrn_ptdev_irq, acrn_ptdev_irq, intx.virt_pin);
	ORACLE_FIELD(hcall_acrn_ptdev_irq, acrn_ptdev_irq, intx.phys_pin);
	ORACLE_FIELD(hcall_acrn_ptdev_irq, acrn_ptdev_irq, intx.is_pic_pin);

	ORACLE_EQ(HCALL_ACRN_PTDEV_QUIRK_ASSIGN, ACRN_PTDEV_QUIRK_ASSIGN);
	ORACLE_EQ(HCALL_ACRN_PCI_NUM_BARS, ACRN_PCI_NUM_BARS);
	ORACLE_EQ(HCALL_ACRN_MMIODEV_RES_NUM, ACRN_MMIODEV_RES_NUM);
	ORACLE_SIZE(hcall_acrn_pcidev, acrn_pcidev);
	ORACLE_FIELD(hcall_acrn_pcidev, acrn_pcidev, type);
	ORACLE_FIELD(hcall_acrn_pcidev, acrn_pcidev, virt_bdf);
	ORACLE_FIELD(hcall_acrn_pcidev, acrn_pcidev, phys_bdf);
	ORACLE_FIELD(hcall_acrn_pcidev, acrn_pcidev, intr_line);
	ORACLE_FIELD(hcall_acrn_pcidev, acrn_pcidev, intr_pin);
	ORACLE_FIELD(hcall_acrn_pcidev, acrn_pcidev, bar);

	ORACLE_SIZE(hcall_acrn_mmiodev, acrn_mmiodev);
	ORACLE_FIELD(hcall_acrn_mmiodev, acrn_mmiodev, name);
	ORACLE_FIELD(hcall_acrn_mmiodev, acrn_mmiodev, res);
	ORACLE_FIELD(hcall_acrn_mmiodev, acrn_mmiodev, res[0].user_vm_pa);
	ORACLE_FIELD(hcall_acrn_mmiodev, acrn_mmiodev, res[0].service_vm_pa);
	ORACLE_FIELD(hcall_acrn_mmiodev, acrn_mmiodev, res[0].size);
	ORACLE_FIELD(hcall_acrn_mmiodev, acrn_mmiodev, res[0].mem_type);
	ORACLE_FIELD(hcall_acrn_mmiodev, acrn_mmiodev, res[2].mem_type);

	ORACLE_SIZE(hcall_acrn_vdev, acrn_vdev);
	ORACLE_FIELD(hcall_acrn_vdev, acrn_vdev, id.value);
	ORACLE_FIELD(hcall_acrn_vdev, acrn_vdev, id.fields.vendor);
	ORACLE_FIELD(hcall_acrn_vdev, acrn_vdev, id.fields.device);
	ORACLE_FIELD(hcall_acrn_vdev, acrn_vdev, id.fields.legacy_id);
	ORACLE_FIELD(hcall_acrn_vdev, acrn_vdev, slot);
	ORACLE_FIELD(hcall_acrn_vdev, acrn_vdev, io_addr);
	ORACLE_FIELD(hcall_acrn_vdev, acrn_vdev, io_size);
	ORACLE_FIELD(hcall_acrn_vdev, acrn_vdev, args);

	ORACLE_SIZE(hcall_acrn_msi_entry, acrn_msi_entry);
	ORACLE_FIELD(hcall_acrn_msi_entry, acrn_msi_entry, msi_addr);
	ORACLE_FIELD(hcall_acrn_msi_entry, acrn_msi_entry, msi_data);

	ORACLE_EQ(HCALL_ACRN_PMCMD_GET_PX_CNT, ACRN_PMCMD_GET_PX_CNT);
	ORACLE_EQ(HCALL_ACRN_PMCMD_GET_PX_DATA, ACRN_PMCMD_GET_PX_DATA);
	ORACLE_EQ(HCALL_ACRN_PMCMD_GET_CX_CNT, ACRN_PMCMD_GET_CX_CNT);
	ORACLE_EQ(HCALL_ACRN_PMCMD_GET_CX_DATA, ACRN_PMCMD_GET_CX_DATA);
	ORACLE_EQ(hcall_acrn_pm_cmd(0, 0, 0, 0xff), PMCMD_TYPE_MASK);
}

/* The HSM forwards these ioctls one to one to the hypercall with the same
 * low byte. */
static void ids(void)
{
#define ID(call, ioctl) ORACLE_EQ(HCALL_ACRN_##call & 0xff, _IOC_NR(ACRN_IOCTL_##ioctl))
	ID(CREATE_VM, CREATE_VM);
	ID(DESTROY_VM, DESTROY_VM);
	ID(START_VM, START_VM);
	ID(PAUSE_VM, PAUSE_VM);
	ID(RESET_VM, RESET_VM);
	ID(SET_VCPU_REGS, SET_VCPU_REGS);
	ID(INJECT_MSI, INJECT_MSI);
	ID(VM_INTR_MONITOR, VM_INTR_MONITOR);
	ID(SET_IRQLINE, SET_IRQLINE);
	ID(NOTIFY_REQUEST_FINISH, NOTIFY_REQUEST_FINISH);
	ID(SET_PTDEV_INTR_INFO, SET_PTDEV_INTR);
	ID(RESET_PTDEV_INTR_INFO, RESET_PTDEV_INTR);
	ID(ASSIGN_PCIDEV, ASSIGN_PCIDEV);
	ID(DEASSIGN_PCIDEV, DEASSIGN_PCIDEV);
	ID(ASSIGN_MMIODEV, ASSIGN_MMIODEV);
	ID(DEASSIGN_MMIODEV, DEASSIGN_MMIODEV);
	ID(ADD_VDEV, CREATE_VDEV);
	ID(REMOVE_VDEV, DESTROY_VDEV);
#undef ID
}

/* ACRN answers negated Linux errno values (its errno.h copies Linux's). */
#define ACRN_ERR(name, raw, status) static const long long acrn_err_##name = (raw);
HCALL_ACRN_ERRORS(ACRN_ERR)
#undef ACRN_ERR

static void errors(void)
{
	ORACLE_EQ(HCALL_ACRN_EPERM, EPERM);
	ORACLE_EQ(HCALL_ACRN_EIO, EIO);
	ORACLE_EQ(HCALL_ACRN_EACCES, EACCES);
	ORACLE_EQ(HCALL_ACRN_EFAULT, EFAULT);
	ORACLE_EQ(HCALL_ACRN_ENODEV, ENODEV);
	ORACLE_EQ(HCALL_ACRN_EINVAL, EINVAL);
	ORACLE_EQ(HCALL_ACRN_ENOTTY, ENOTTY);
	ORACLE_EQ(acrn_err_SUCCESS, 0);
	ORACLE_EQ(acrn_err_FAILED, -EPERM); /* -1: the bare failure is -EPERM */
	ORACLE_EQ(acrn_err_EIO, -EIO);
	ORACLE_EQ(acrn_err_EACCES, -EACCES);
	ORACLE_EQ(acrn_err_EFAULT, -EFAULT);
	ORACLE_EQ(acrn_err_ENODEV, -ENODEV);
	ORACLE_EQ(acrn_err_EINVAL, -EINVAL);
	ORACLE_EQ(acrn_err_ENOTTY, -ENOTTY);
}

int main(void)
{
	io_requests();
	vm_creation();
	vcpu_regs();
	memory();
	devices();
	ids();
	errors();
	return oracle_done();
}
#endif
