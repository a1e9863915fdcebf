/** A clearly marked place for a view that is not built yet. */
export function Placeholder({ title, detail }: { title: string; detail: string }) {
  return (
    <section className="empty-state">
      <h1>{title}</h1>
      <p>{detail}</p>
    </section>
  );
}
