/** A file size as people read it: `812 bytes`, `14.2 KB`, `1.3 MB`, `2.1 GB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "1 film", "2,000 films". */
export function filmCount(count: number): string {
  return count === 1 ? '1 film' : `${count.toLocaleString('en')} films`;
}
