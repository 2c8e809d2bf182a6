/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  return phone.length <= 7
    ? '*'.repeat(phone.length)
    : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** `11010519491231002X` → `110105********002X`. */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 6)}${'*'.repeat(Math.max(0, idNumber.length - 10))}${idNumber.slice(-4)}`;
}
