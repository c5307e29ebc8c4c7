// Remembers the answer to each key for the life of the page (a failed load is forgotten, so
// the next use asks again). For things that do not change while someone works: workflow
// definitions, organisations, people's names.
export function memoize(load) {
  const answers = new Map();
  return (key) => {
    if (!answers.has(key)) {
      const pending = load(key);
      answers.set(key, pending);
      pending.catch(() => answers.delete(key));
    }
    return answers.get(key);
  };
}
