/** What a page shows when it has nothing yet: say so plainly, offer nothing that doesn't work. */
export function EmptyState({ title, body }: { title: string; body: string }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      <p>{body}</p>
    </div>
  );
}
