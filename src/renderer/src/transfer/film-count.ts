/** "1 film", "2,000 films". */
export function filmCount(count: number): string {
  return count === 1 ? '1 film' : `${count.toLocaleString('en')} films`;
}
