// Numbers for object identities: each object gets one of its own, the same for its whole life
// (cache keys, React keys), without keeping the object alive.

/** A numbering of objects: the same object always gets the same number, counted from 1. */
export function objectIds(): (o: object) => number {
  const ids = new WeakMap<object, number>();
  let next = 1;
  return (o) => {
    let id = ids.get(o);
    if (id === undefined) ids.set(o, (id = next++));
    return id;
  };
}
