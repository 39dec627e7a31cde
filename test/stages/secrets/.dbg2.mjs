// src/stages/secrets/rules/types.ts
var ASSIGN = `["'\`]?(?:\\s{1,3}(?:string|str|String)\\b)?\\s{0,5}(?:={1,3}>?|:{1,3}=|[?.+]=|=>|:|,|(?<!-)>|\\s-)\\s{0,8}["'\`]?`;
function entropyOf(value) {
  const counts = /* @__PURE__ */ new Map();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
var PLACEHOLDER = /x{4,}|\*{3,}|#{4,}|\.{3}|<[^>]*>|your[_-]?|changeme|change[_-]me|example|placeholder|dummy|redacted|replace[_-]?(?:me|with)|insert[_-]|sample|fake|todo|^test$|^secret$|^password$|0{8,}|1234567|abc123|abcdefgh|qwerty|(?:token|key|secret)[_-]?here|^AKIAIOSFODNN7|wJalrXUtnFEMI\/K7MDENG/i;
var REFERENCE = /\$\{|\$\(|\{\{|%\(|^\$[A-Za-z_]|process\.env|import\.meta\.env|os\.environ|getenv|ENV\[|secrets\.|vault:|ref\+|arn:aws/i;
function isPlaceholder(value) {
  return PLACEHOLDER.test(value);
}
function isReference(value) {
  return REFERENCE.test(value);
}
var PREFIX = /^(?:[A-Za-z]{2,8}[_-](?:(?:live|test|prod|api\d{0,2}|admin\d{0,2}|proj|v\d)[_-])?)/;
function bodyOf(value) {
  const body = value.replace(PREFIX, "");
  return body.length >= 8 ? body : value;
}
function isNotASecret(value) {
  if (isPlaceholder(value) || isReference(value)) return true;
  const body = bodyOf(value);
  return new Set(body).size < Math.min(8, body.length / 3);
}

// src/stages/secrets/rules/generic.ts
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var HEX = /^[0-9a-f]{40,128}$/i;
var MD5 = /^[0-9a-f]{32}$/i;
var HOSTNAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}$/i;
var INTEGRITY = /^(?:sha1|sha256|sha384|sha512)-/i;
var PUBLIC_NAMES = /publishable|public|site[_-]?key|anon[_-]?key|csrf|xsrf|tokenizer|keyboard|keyframe|keyword|monkey|hotkey|turkey|donkey|primary[_-]?key|foreign[_-]?key|sort[_-]?key|cache[_-]?key|partition[_-]?key|idempotency|author/i;
var SECRET_WORD = /^(?:\w*(?:secret|token|passw(?:or)?d|passwd|pwd|key|credentials?|creds?|auth)s?|pass)$/;
var DESCRIBING_WORD = /^(?:id|ids|name|names|url|uri|urls|endpoint|path|paths|file|files|dir|hash|sha|digest|checksum|fingerprint|event|events|type|types|length|len|size|count|limit|ttl|expiry|expires|expiration|pressed|down|up|code|meshing|pair|signatures|vault|format|version|prefix|suffix|mode|ring|field|header|param|label|ref|env|var|st|pattern|regex|source|host|server|domain|provider|method|scheme|mechanism|store)$/;
var STRONG_WORD = /secret|token|passw|pwd|credential|creds|auth|apikey/;
function wordsOf(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
function isSecretName(name) {
  if (PUBLIC_NAMES.test(name)) return false;
  const words = wordsOf(name);
  let last = -1;
  words.forEach((word, i) => {
    if (SECRET_WORD.test(word)) last = i;
  });
  if (last === -1) return false;
  return !words.slice(last + 1).some((word) => DESCRIBING_WORD.test(word));
}
function looksLikeIdentifier(value) {
  const tokens = value.replace(/(^|[^A-Za-z0-9])v\d{1,3}(?![A-Za-z0-9])/g, "$1 ").split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])/).filter(Boolean);
  let words = 0;
  for (const token of tokens) {
    if (/^[0-9]+$/.test(token)) {
      if (token.length > 4) return false;
      continue;
    }
    if (token.length < 3 || !/[aeiouy]/i.test(token)) return false;
    words++;
  }
  return words >= 2;
}
function isEncodedText(value) {
  if (!/^[A-Za-z0-9+/]{16,}={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  const decoded = Buffer.from(value, "base64").toString("latin1");
  return /^[a-z ,.'-]{12,}$/i.test(decoded) && decoded.includes(" ");
}
function isCodeValue(value, name) {
  const tail = wordsOf(name).slice(-2).join("");
  if (tail.length >= 5 && wordsOf(value).join("").includes(tail)) return true;
  return /==|&&|\|\||->/.test(value) || /[A-Za-z][\w-]*[-:]v?\d{1,3}\.\d{1,3}(?:\.\d{1,4})?$/.test(value);
}
function looksRandomSecret(value, strongName = false) {
  if (value.length < 12 || INTEGRITY.test(value) || MD5.test(value) || HOSTNAME.test(value)) return false;
  if (UUID.test(value) || HEX.test(value)) return strongName && !isNotASecret(value);
  if (isNotASecret(value) || looksLikeIdentifier(value) || isEncodedText(value)) return false;
  if (/^[a-z]+(?:[._-][a-z]+)*$/i.test(value) || /^(?:\.{0,2}\/|https?:|file:)/.test(value) || /\.(?:js|ts|json|ya?ml|pem|key|txt|env)$/i.test(value)) return false;
  const classes = Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value));
  if (classes < 2 || !/[0-9]/.test(value)) return false;
  return entropyOf(value) >= 3.5;
}
var PROVIDER_PREFIX = /^(?:gh[pousr]_|github_pat_|glpat-|npm_|xox[abpers]-|sk_(?:live|test|prod)_|rk_(?:live|test|prod)_|pk_(?:live|test)_|whsec_|shp(?:at|ca|pa|ss)_|sk-(?:proj-|ant-|admin-)?|hf_|SG\.|AKIA|AIza|cf(?:ut|at|k)_|vc[picrk]_|dp\.|sb_(?:secret|publishable)_|sbp_|sntr[ysu]_|dop_v1_|doo_v1_|dor_v1_|HRKU-|nfp_|lin_api_|ntn_|sq0|EAAA|re_|ABSK|bedrock-api-key-)/;
var SHAPED_NAMES = [[/aws[\w.-]{0,20}secret|secret[_-]?access[_-]?key/i, /^[A-Za-z0-9/+]{40}$/]];
function nameAt(text, match) {
  let start = match.index;
  const floor = Math.max(0, start - 40);
  while (start > floor && /[A-Za-z0-9_.-]/.test(text[start - 1])) start--;
  const head = match[0].match(/^[A-Za-z0-9_.-]+/)?.[0] ?? "";
  return text.slice(start, match.index) + head;
}
function isKeyAttribute(name, text, match) {
  if (name.toLowerCase() !== "key") return false;
  return /^["']\s{0,3}value=/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 12));
}
var GENERIC_RULE = {
  id: "generic-api-key",
  title: "High-entropy value assigned to a secret-named key",
  keywords: ["secret", "token", "passw", "pwd", "key", "credential", "creds", "auth"],
  pattern: new RegExp(`(?:secret|token|passw(?:or)?d|pwd|key|credentials?|creds|auth)[A-Za-z0-9_.-]{0,24}${ASSIGN}([A-Za-z0-9+/=_.~!@#$%^&*-]{12,200})(?=["'\`\\s,;)}\\]<&|]|$)`, "gi"),
  classify: (secret, match, text) => {
    const name = nameAt(text, match);
    if (!isSecretName(name) || isKeyAttribute(name, text, match)) return void 0;
    const value = secret.replace(/[.,;]+$/, "");
    if (PROVIDER_PREFIX.test(value) || isCodeValue(value, name)) return void 0;
    if (SHAPED_NAMES.some(([names, shape]) => names.test(name) && !shape.test(value))) return void 0;
    return looksRandomSecret(value, STRONG_WORD.test(name.toLowerCase())) ? "medium" : void 0;
  },
  priority: 3
};

// ../../../tmp/dbg2.mts
var v = process.argv[2];
console.log({ random: looksRandomSecret(v, true), nas: isNotASecret(v), ident: looksLikeIdentifier(v), ent: entropyOf(v), name: isSecretName(process.argv[3] ?? "token") });
