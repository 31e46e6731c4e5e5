/**
 * The first object key that appears twice in the same object of `json`, or null.
 *
 * JSON.parse (and so jose) keeps the last of duplicate keys, while other parsers keep the first: a token
 * that says `"displayName":"A", … "displayName":"B"` could mean different people to different readers.
 * `json` must already have passed JSON.parse, so this scanner only tracks strings and nesting.
 * Keys are compared after unescaping ("a" and "\u0061" are the same key).
 */
export function findDuplicateKey(json: string): string | null {
  const stack: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      let end = i + 1;
      let escaped = false;
      for (; end < json.length; end++) {
        const c = json.charCodeAt(end);
        if (escaped) escaped = false;
        else if (c === 0x5c /* \ */) escaped = true;
        else if (c === 0x22) break;
      }
      const keys = stack[stack.length - 1];
      if (keys && expectKey) {
        const raw = json.slice(i + 1, end);
        const key = raw.includes("\\") ? (JSON.parse(json.slice(i, end + 1)) as string) : raw;
        if (keys.has(key)) return key;
        keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (ch === 0x7b /* { */) {
      stack.push(new Set());
      expectKey = true;
    } else if (ch === 0x5b /* [ */) {
      stack.push(null);
      expectKey = false;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (ch === 0x2c /* , */) {
      expectKey = stack[stack.length - 1] != null;
    }
  }
  return null;
}
