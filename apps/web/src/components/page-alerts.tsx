// The outcome of the last action on a page, from its query string: an error in red, a notice in green.
export function PageAlerts({ error, notice }: { error?: string | undefined; notice?: string | undefined }) {
  return (
    <>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
    </>
  );
}
