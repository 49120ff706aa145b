// Which hosts the proxy must never reach, whatever the allow list says (unless `allowPrivate`).
// Only IP literals can be judged here: a Worker cannot resolve a host name, so a name is trusted
// because the operator put it on the allow list. The WHATWG URL parser has already turned every
// IPv4 spelling (`2130706433`, `0x7f.1`, `127.1`) into dotted decimal and IPv6 into its compressed
// form in brackets (`[::ffff:7f00:1]`), so these checks see one canonical shape.

/** IPv4 ranges that are not the public internet: [first octets as a number, prefix length]. */
const V4_BLOCKED: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 reaches the local host on many systems
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, and the cloud metadata address 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
];

function v4Number(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function v4Blocked(n: number): boolean {
  return V4_BLOCKED.some(([base, bits]) => {
    const size = 2 ** (32 - bits);
    return Math.floor(n / size) === Math.floor(v4Number(base)! / size);
  });
}

/** The eight 16-bit groups of an IPv6 address (with an embedded dotted IPv4 tail), or undefined. */
function v6Groups(text: string): number[] | undefined {
  let head = text;
  const tail: number[] = [];
  const dotted = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = v4Number(dotted[1]);
    if (n === undefined) return undefined;
    tail.push(Math.floor(n / 65536), n % 65536);
    head = text.slice(0, text.length - dotted[1].length);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN)));
  const left = parse(halves[0]);
  const right = halves.length === 2 ? parse(halves[1]) : [];
  const known = left.length + right.length + tail.length;
  if ([...left, ...right].some(Number.isNaN) || known > 8 || (halves.length === 1 && known !== 8)) return undefined;
  return [...left, ...new Array(8 - known).fill(0), ...right, ...tail];
}

function v6Blocked(g: number[]): boolean {
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  // ::ffff:a.b.c.d (IPv4-mapped), ::a.b.c.d (IPv4-compatible, deprecated) and 64:ff9b::a.b.c.d
  // (NAT64) all lead to an IPv4 address: judge that one. `::` and `::1` fall in here too.
  if ((zeros(5) && (g[5] === 0xffff || g[5] === 0)) || (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))) {
    if (zeros(7) && g[7] <= 1) return true; // :: (unspecified) and ::1 (loopback)
    return v4Blocked(g[6] * 65536 + g[7]);
  }
  if ((g[0] & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local (fd00:ec2::254 is a metadata address)
  if ((g[0] & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((g[0] & 0xffc0) === 0xfec0) return true; // fec0::/10 site-local (deprecated)
  if ((g[0] & 0xff00) === 0xff00) return true; // ff00::/8 multicast
  return false;
}

/**
 * True when `hostname` (as `URL.hostname` gives it) is an IP literal outside the public internet,
 * or a name that always means this machine (`localhost`, `*.localhost`). Other names: false.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host.startsWith('[') && host.endsWith(']')) {
    const groups = v6Groups(host.slice(1, -1).replace(/%.*$/, ''));
    // Brackets the URL parser accepted but we cannot read: refuse rather than guess.
    return groups ? v6Blocked(groups) : true;
  }
  const n = v4Number(host);
  return n === undefined ? false : v4Blocked(n);
}
