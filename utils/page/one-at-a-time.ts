/**
 * Runs async jobs one after another: a scan or a question started while another is out waits
 * for it. A job that fails after its signal aborted was stopped on purpose (the lens turned off,
 * the extension reloaded); any other failure goes to `onError`.
 */
export function oneAtATime(onError: (error: unknown) => void): (job: () => Promise<void>, signal: AbortSignal) => void {
  let queue = Promise.resolve();
  return (job, signal) => {
    queue = queue.then(job).catch((error: unknown) => {
      if (!signal.aborted) onError(error);
    });
  };
}
