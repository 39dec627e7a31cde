/**
 * Inputs crafted to make a backtracking regex explode (long runs, repeated prefixes, unclosed
 * quotes), shared by the linear-growth test and `bench/secrets/hostile.mjs`, so the benchmark
 * prices exactly the shapes the test bounds.
 */
export const fill = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Prefixes of the rules' formats, repeated back to back so each is a possible match start. */
export const SEEDS = [
  'eyJ',
  'eyJa.eyJb.',
  'sk-',
  'sk-proj-T3BlbkFJ',
  'AKIA',
  'SG.',
  'xoxb-1-',
  'xoxp-1',
  '-----BEGIN PRIVATE KEY-----',
  `-----BEGIN PRIVATE KEY-----${' '.repeat(19000)}-----END`,
  'postgres://a:',
  'postgres://a:b',
  'NEXT_PUBLIC_',
  'Authorization: Bearer ',
  'AIza',
  'v1.0-',
  'dp.pt.',
  're_',
  'SK',
  'hooks.slack.com/services/',
  'M',
  '1234567890:AA',
  'ghp_',
  'github_pat_',
  'glpat-',
  'sk_live_',
  'whsec_',
  'key-',
  '0123456789abcdef',
];

/** A named input of a given size. */
export type Hostile = [what: string, make: (size: number) => string];

/** Every shape, seeded with a rule keyword. */
export function hostileInputs(keyword: string): Hostile[] {
  return [
    ...SEEDS.map((seed): Hostile => [`${seed.slice(0, 30)} repeated`, (size) => `${keyword} ${fill(seed, size)}`]),
    ['one run of letters', (size) => fill('a', size)],
    ['the keyword repeated', (size) => fill(keyword, size)],
    ['keyword= repeated', (size) => fill(`${keyword}=`, size)],
    ['keyword followed by a long token run', (size) => keyword + fill('A1b2', size)],
    ['quoted keyword assignments without a closing quote', (size) => fill(`"${keyword}": "`, size)],
    ['minified code on one line', (size) => fill(`var ${keyword}_x="${keyword}A1",b=function(){return "${keyword}"};`, size)],
    ['whitespace runs', (size) => fill(`${keyword}     =      `, size)],
  ];
}
