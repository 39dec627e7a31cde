#!/usr/bin/env -S node --
import { createRequire as __lrCreateRequire } from 'node:module';
const require = __lrCreateRequire(import.meta.url);
import {
  TomlError,
  UsageError,
  parse,
  readBoundedText,
  reasonOf
} from "./shared-10.js";
import {
  isRecord,
  recordsOf,
  stringOr
} from "./shared-11.js";

// src/stages/secrets/suppress.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

// src/stages/secrets/rules/ai.ts
var AI = { exposes: "ai" };
function openAiSeverity(secret) {
  const at = secret.indexOf("T3BlbkFJ");
  if (at === -1) return void 0;
  if (secret.startsWith("sk-admin-")) return at === 9 + 58 && secret.length === at + 8 + 58 ? "blocker" : void 0;
  return at >= 20 && secret.length - at - 8 >= 20 ? "blocker" : void 0;
}
var AI_RULES = [
  {
    id: "openai-api-key",
    title: "OpenAI API key",
    keywords: ["t3blbkfj"],
    pattern: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{40,300}/g,
    // Every OpenAI key carries `T3BlbkFJ` (base64 of "OpenAI"); checking it in code keeps the regex linear.
    classify: openAiSeverity,
    ...AI,
    provider: "OpenAI",
    revokeAt: "https://platform.openai.com/api-keys"
  },
  // Anthropic keys end in `AA`; dashes sit anywhere in the body (gitleaks `anthropic.go`).
  {
    id: "anthropic-api-key",
    title: "Anthropic API key",
    keywords: ["sk-ant-"],
    pattern: /(?<![A-Za-z0-9_-])sk-ant-(?:api|admin|oat)[0-9]{2}-[A-Za-z0-9_-]{80,120}AA(?![A-Za-z0-9_-])/g,
    severity: "blocker",
    ...AI,
    provider: "Anthropic",
    revokeAt: "https://console.anthropic.com/settings/keys"
  },
  // `hf_` user tokens and `api_org_` organisation tokens, 34 letters (gitleaks `huggingface.go`).
  {
    id: "huggingface-access-token",
    title: "Hugging Face access token",
    keywords: ["hf_", "api_org_"],
    pattern: /(?<![A-Za-z0-9_])(?:hf_|api_org_)[A-Za-z0-9]{34}(?![A-Za-z0-9])/g,
    severity: "blocker",
    ...AI,
    provider: "Hugging Face",
    revokeAt: "https://huggingface.co/settings/tokens"
  }
];

// src/stages/secrets/rules/types.ts
var EXPOSURES = ["payments", "cloud", "database", "email", "source", "ai", "messaging", "other"];
var ASSIGN = `["'\`]?(?:\\s{1,3}(?:string|str|String)\\b)?\\s{0,5}(?:={1,3}>?|:{1,3}=|[?.+]=|=>|:|,|(?<!-)>|\\s-)\\s{0,8}["'\`]?`;
function assigned(name, value) {
  return new RegExp(`(?:${name})[\\w.-]{0,24}${ASSIGN}(${value})(?![A-Za-z0-9_+/=-])`, "gi");
}
function near(name, value) {
  return new RegExp(`(?:${name})[\\s\\S]{0,40}?(?<![A-Za-z0-9_+/])(${value})(?![A-Za-z0-9_+/=-])`, "gi");
}
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
function looksSequential(value) {
  if (/(?:0123|1234|2345|3456|4567|5678|6789){2,}/.test(value)) return true;
  const groups = value.split(/[-_.]/).filter((g) => g.length >= 3);
  return groups.length >= 3 && new Set(groups.slice(0, -1)).size === 1;
}

// src/stages/secrets/rules/cloud.ts
var AWS_EXAMPLE = /EXAMPLE|^AKIAIOSFODNN7|^wJalrXUtnFEMI\/K7MDENG/;
var AWS = { exposes: "cloud", provider: "AWS", revokeAt: "https://console.aws.amazon.com/iam/home#/security_credentials" };
var GCP = { exposes: "cloud", provider: "Google Cloud", revokeAt: "https://console.cloud.google.com/apis/credentials" };
var AZURE = { exposes: "cloud", provider: "Azure", revokeAt: "https://portal.azure.com/" };
var CLOUDFLARE = { exposes: "cloud", provider: "Cloudflare", revokeAt: "https://dash.cloudflare.com/profile/api-tokens" };
var DIGITALOCEAN = { exposes: "cloud", provider: "DigitalOcean", revokeAt: "https://cloud.digitalocean.com/account/api/tokens" };
function googleKeySeverity(secret, match, text) {
  if (isNotASecret(secret.slice(4))) return void 0;
  const before = text.slice(Math.max(0, match.index - 48), match.index);
  if (/firebase|authDomain|messagingSenderId|maps|NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_/i.test(text.slice(Math.max(0, match.index - 400), match.index + 400)))
    return "info";
  return /(?:gcp|google|gemini|vertex|youtube|places|translate|vision|api[_-]?key|token|secret)[^\n]{0,30}[:=,>]/i.test(before) ? "high" : "info";
}
var CLOUD_RULES = [
  {
    id: "aws-access-token",
    title: "AWS access key id",
    keywords: ["akia", "asia", "abia", "acca", "a3t"],
    pattern: /(?<![A-Z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Z0-9])/g,
    // The id alone signs nothing; its secret half is the blocker. Still worth rotating.
    classify: (secret) => AWS_EXAMPLE.test(secret) ? void 0 : "high",
    ...AWS
  },
  {
    id: "aws-secret-access-key",
    title: "AWS secret access key",
    keywords: ["secret"],
    pattern: assigned("aws[\\w.-]{0,20}secret[\\w.-]{0,12}key|secret_?access_?key", "[A-Za-z0-9/+]{40}"),
    classify: (secret) => AWS_EXAMPLE.test(secret) || isNotASecret(secret) ? void 0 : "blocker",
    ...AWS
  },
  // gitleaks `aws-amazon-bedrock-api-key-long-lived` / `-short-lived`.
  {
    id: "aws-bedrock-api-key",
    title: "Amazon Bedrock API key",
    keywords: ["absk", "bedrock-api-key-"],
    pattern: /(?<![A-Za-z0-9+/])(?:ABSK[A-Za-z0-9+/]{109,269}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=&%-]{0,2000})(?![A-Za-z0-9+/=])/g,
    severity: "blocker",
    ...AWS,
    exposes: "ai"
  },
  {
    id: "gcp-api-key",
    title: "Google API key",
    keywords: ["aiza"],
    pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
    classify: googleKeySeverity,
    ...GCP
  },
  {
    id: "gcp-service-account",
    title: "Google Cloud or Firebase service-account key (JSON)",
    keywords: ["private_key_id"],
    pattern: /"private_key_id"\s{0,5}:\s{0,5}"([a-f0-9]{40})"/g,
    classify: (_secret, _match, text) => text.includes("service_account") ? "blocker" : void 0,
    ...GCP
  },
  {
    // trufflehog `azure_storage`: the 88-character account key after `AccountKey=`, `account_key`, `-storagekey`.
    id: "azure-storage-account-key",
    title: "Azure storage account key",
    keywords: ["accountkey", "account_key", "account-key", "storagekey", "storage_key", "access_key", "accesskey", "account_key"],
    pattern: /(?:access|account|storage)[_.-]?key[\s\S]{0,40}?(?<![A-Za-z0-9+/])([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/gi,
    classify: (s) => isNotASecret(s) ? void 0 : "blocker",
    ...AZURE,
    revokeAt: "https://portal.azure.com/#view/HubsExtension/BrowseResource/resourceType/Microsoft.Storage%2FStorageAccounts"
  },
  // gitleaks `azure-ad-client-secret`: three characters, a digit, `Q~`, then 31–34 characters.
  {
    id: "azure-ad-client-secret",
    title: "Azure AD (Entra ID) client secret",
    keywords: ["q~"],
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
    severity: "blocker",
    ...AZURE
  },
  {
    // gitleaks `cloudflare-api-key` (40) and `cloudflare-global-api-key` (37 hex) by name.
    id: "cloudflare-api-key",
    title: "Cloudflare API token or key",
    keywords: ["cloudflare", "cf_api", "cf-api", "cf_token"],
    pattern: assigned("(?:cloudflare|cf)[\\w. -]{0,20}(?:token|key|api)|cloudflare", "[A-Za-z0-9_-]{40}|[a-f0-9]{37}"),
    classify: (s) => isNotASecret(s) ? void 0 : "blocker",
    ...CLOUDFLARE
  },
  // Since 2026 tokens carry `cfut_`/`cfat_`/`cfk_`, 40 random characters and an 8-hex checksum (trufflehog `cloudflareapitoken` v2).
  {
    id: "cloudflare-prefixed-token",
    title: "Cloudflare API token or key",
    keywords: ["cfut_", "cfat_", "cfk_"],
    pattern: /(?<![A-Za-z0-9_])cf(?:ut|at|k)_[A-Za-z0-9]{40}[a-f0-9]{8}(?![A-Za-z0-9_])/g,
    severity: "blocker",
    ...CLOUDFLARE
  },
  {
    id: "cloudflare-origin-ca-key",
    title: "Cloudflare Origin CA key",
    keywords: ["v1.0-"],
    pattern: /(?<![A-Za-z0-9_.-])v1\.0-[a-f0-9]{24}-[a-f0-9]{146}(?![a-f0-9])/g,
    severity: "blocker",
    ...CLOUDFLARE
  },
  {
    id: "cloudflare-global-api-key-near",
    title: "Cloudflare global API key",
    keywords: ["cloudflare"],
    pattern: near("cloudflare", "[a-f0-9]{37}"),
    severity: "blocker",
    ...CLOUDFLARE
  },
  // gitleaks `digitalocean-pat`, `-access-token`, `-refresh-token`.
  {
    id: "digitalocean-token",
    title: "DigitalOcean token",
    keywords: ["dop_v1_", "doo_v1_", "dor_v1_"],
    pattern: /(?<![A-Za-z0-9_])do[por]_v1_[a-f0-9]{64}(?![A-Za-z0-9_])/gi,
    severity: "blocker",
    ...DIGITALOCEAN
  }
];

// src/stages/secrets/rules/checksum.ts
var BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
var CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();
function crc32(text) {
  let crc = 4294967295;
  for (let i = 0; i < text.length; i++) crc = crc >>> 8 ^ CRC_TABLE[(crc ^ text.charCodeAt(i)) & 255];
  return (crc ^ 4294967295) >>> 0;
}
function base62(n) {
  let out = "";
  let rest = n;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(6, "0");
}
function tokenChecksum(random) {
  return base62(crc32(random));
}
function hasValidChecksum(token) {
  const underscore = token.indexOf("_");
  const body = token.slice(underscore + 1);
  if (body.length !== 36) return false;
  return tokenChecksum(body.slice(0, 30)) === body.slice(30);
}

// src/stages/secrets/rules/code-hosting.ts
var B = "(?<![A-Za-z0-9_])";
var E = "(?![A-Za-z0-9_])";
var checked = (secret) => hasValidChecksum(secret) ? "blocker" : void 0;
var GITHUB = { exposes: "source", provider: "GitHub", revokeAt: "https://github.com/settings/tokens" };
var NPM = { exposes: "source", provider: "npm", revokeAt: "https://www.npmjs.com/settings/~/tokens" };
var CODE_HOSTING_RULES = [
  {
    id: "github-pat",
    title: "GitHub personal access token",
    keywords: ["ghp_"],
    pattern: new RegExp(`${B}ghp_[A-Za-z0-9]{36}${E}`, "g"),
    classify: checked,
    ...GITHUB
  },
  {
    id: "github-oauth",
    title: "GitHub OAuth access token",
    keywords: ["gho_"],
    pattern: new RegExp(`${B}gho_[A-Za-z0-9]{36}${E}`, "g"),
    classify: checked,
    ...GITHUB
  },
  // Installation tokens (`ghs_`) grew a longer form in 2025 (`ghs_<app id>_<JWT-like body>`); gitleaks and secretlint test both.
  {
    id: "github-app-token",
    title: "GitHub App token",
    keywords: ["ghu_", "ghs_"],
    pattern: new RegExp(`${B}(?:gh[us]_[A-Za-z0-9]{36}|ghs_[A-Za-z0-9]{5,40}_[A-Za-z0-9_.-]{60,1200})${E}`, "g"),
    classify: (s) => s.length > 40 || hasValidChecksum(s) ? "blocker" : void 0,
    ...GITHUB
  },
  {
    id: "github-refresh-token",
    title: "GitHub refresh token",
    keywords: ["ghr_"],
    pattern: new RegExp(`${B}ghr_[A-Za-z0-9]{36,76}${E}`, "g"),
    classify: (s) => s.length > 40 || hasValidChecksum(s) ? "blocker" : void 0,
    ...GITHUB
  },
  {
    id: "github-fine-grained-pat",
    title: "GitHub fine-grained personal access token",
    keywords: ["github_pat_"],
    pattern: new RegExp(`${B}github_pat_[A-Za-z0-9_]{82}${E}`, "g"),
    severity: "blocker",
    ...GITHUB
  },
  {
    // `https://<token>:x-oauth-basic@github.com/…`: a classic token inside a clone URL (trufflehog `github` v1 tests).
    id: "github-url-token",
    title: "GitHub token in a clone URL",
    keywords: ["x-oauth-basic", "@github.com"],
    pattern: /https?:\/\/([A-Za-z0-9_]{36,100}):(?:x-oauth-basic)?@github\.com/g,
    classify: (s) => /^[0-9a-f]{40}$/.test(s) || s.length === 40 || /^gh[pousr]_/.test(s) ? "blocker" : void 0,
    ...GITHUB
  },
  {
    // Same shape, checksum fails: never issued by GitHub, so a test value or a typo. Still reported low, as gitleaks and trufflehog report it.
    id: "github-token-unverified",
    title: "GitHub-shaped token whose checksum does not match (probably a test value)",
    keywords: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
    pattern: new RegExp(`${B}gh[pousr]_[A-Za-z0-9]{36}${E}`, "g"),
    classify: (s) => hasValidChecksum(s) ? void 0 : "low",
    priority: 0.5,
    ...GITHUB
  },
  {
    id: "gitlab-pat",
    title: "GitLab personal access token",
    keywords: ["glpat-"],
    pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_.-]{20,80}(?![A-Za-z0-9_-])/g,
    severity: "blocker",
    exposes: "source",
    provider: "GitLab",
    revokeAt: "https://gitlab.com/-/user_settings/personal_access_tokens"
  },
  {
    id: "gitlab-runner-token",
    title: "GitLab runner, trigger or deploy token",
    keywords: ["glrt-", "gldt-", "glptt-"],
    pattern: /(?<![A-Za-z0-9_-])gl(?:rt|dt|ptt)-[A-Za-z0-9_-]{20,80}(?![A-Za-z0-9_-])/g,
    severity: "blocker",
    exposes: "source",
    provider: "GitLab",
    revokeAt: "https://docs.gitlab.com/ee/security/tokens/"
  },
  { id: "npm-access-token", title: "npm access token", keywords: ["npm_"], pattern: new RegExp(`${B}npm_[A-Za-z0-9]{36}${E}`, "g"), classify: checked, ...NPM },
  {
    id: "npm-token-unverified",
    title: "npm-shaped token whose checksum does not match (probably a test value)",
    keywords: ["npm_"],
    pattern: new RegExp(`${B}npm_[A-Za-z0-9]{36}${E}`, "g"),
    classify: (s) => hasValidChecksum(s) ? void 0 : "low",
    priority: 0.5,
    ...NPM
  },
  {
    // Legacy npm tokens are UUIDs: `_authToken=<uuid>` in `.npmrc`, `NPM_TOKEN=<uuid>` (trufflehog `npmtoken`).
    id: "npm-legacy-token",
    title: "npm access token (legacy)",
    keywords: ["npm", "_authtoken"],
    pattern: assigned("npm[\\w.-]{0,20}(?:token|auth)|_authToken", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
    severity: "blocker",
    ...NPM
  }
];

// src/stages/secrets/rules/database.ts
var DEFAULT_PASSWORDS = /^(?:pass(?:word)?|secret|postgres|root|admin|mysql|user|guest|mongo(?:db)?|redis)$/i;
var LOCAL_HOST = /^(?:localhost|127\.|0\.0\.0\.0|\[?::1\]?$|host\.docker\.internal)/;
var DATABASE_RULES = [
  {
    id: "database-url-password",
    title: "Database URL with a password",
    keywords: ["://"],
    pattern: /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse)(?:\+[a-z0-9]{1,12})?:\/\/([^:/\s@'"]{0,64}):([^@\s/'"]{1,128})@([^\s/:'",?]{1,253})/g,
    secretGroup: 2,
    classify: (password, match) => {
      if (isNotASecret(password) || DEFAULT_PASSWORDS.test(password) || password === match[1] || /^[{$%]/.test(password)) return void 0;
      const host = match[3] ?? "";
      return LOCAL_HOST.test(host) || !host.includes(".") ? "low" : "blocker";
    },
    exposes: "database",
    provider: "the database"
  }
];

// src/stages/secrets/rules/email.ts
var UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
var EMAIL = { exposes: "email", paths: ["email"] };
var EMAIL_RULES = [
  // SendGrid's body alphabet includes `-` and `_` (gitleaks `sendgrid.go`).
  {
    id: "sendgrid-api-token",
    title: "SendGrid API key",
    keywords: ["sg."],
    pattern: /(?<![A-Za-z0-9_.-])SG\.(?:[A-Za-z0-9_-]{20,24}\.[A-Za-z0-9_-]{39,50}|[A-Za-z0-9=_.-]{66})(?![A-Za-z0-9_.=-])/gi,
    severity: "blocker",
    ...EMAIL,
    provider: "SendGrid",
    revokeAt: "https://app.sendgrid.com/settings/api_keys"
  },
  {
    id: "twilio-api-key",
    title: "Twilio API key",
    keywords: ["sk"],
    pattern: /(?<![A-Za-z0-9_])SK[0-9a-fA-F]{32}(?![A-Za-z0-9])/g,
    severity: "blocker",
    ...EMAIL,
    provider: "Twilio",
    revokeAt: "https://console.twilio.com/us1/account/keys-credentials/api-keys"
  },
  {
    id: "twilio-auth-token",
    title: "Twilio auth token",
    keywords: ["twilio"],
    pattern: assigned("twilio[\\w.-]{0,20}(?:auth|token|secret|key)", "[a-f0-9]{32}|[A-Za-z0-9]{32}"),
    severity: "blocker",
    ...EMAIL,
    provider: "Twilio",
    revokeAt: "https://console.twilio.com/"
  },
  {
    id: "mailgun-private-api-token",
    title: "Mailgun private API key",
    keywords: ["key-", "mailgun"],
    pattern: /(?<![A-Za-z0-9_-])(?:key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})(?![A-Za-z0-9_-])/g,
    severity: "blocker",
    ...EMAIL,
    provider: "Mailgun",
    revokeAt: "https://app.mailgun.com/settings/api_security"
  },
  {
    id: "mailgun-signing-key",
    title: "Mailgun webhook signing key",
    keywords: ["mailgun"],
    pattern: assigned("mailgun[\\w.-]{0,20}(?:sign|webhook|key|token)", "[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}|[a-f0-9]{32}"),
    severity: "blocker",
    ...EMAIL,
    provider: "Mailgun",
    revokeAt: "https://app.mailgun.com/settings/api_security"
  },
  {
    id: "postmark-server-token",
    title: "Postmark server or account token",
    keywords: ["postmark"],
    pattern: assigned("postmark", UUID),
    severity: "blocker",
    ...EMAIL,
    provider: "Postmark",
    revokeAt: "https://account.postmarkapp.com/servers"
  },
  {
    id: "resend-api-key",
    title: "Resend API key",
    keywords: ["re_"],
    pattern: /(?<![A-Za-z0-9_])re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}(?![A-Za-z0-9_])/g,
    severity: "blocker",
    ...EMAIL,
    provider: "Resend",
    revokeAt: "https://resend.com/api-keys"
  }
];

// src/stages/secrets/rules/generic.ts
var UUID2 = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
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
  return /\w==\w|&&|\|\||->/.test(value) || /[A-Za-z][\w-]*[-:]v?\d{1,3}\.\d{1,3}(?:\.\d{1,4})?$/.test(value);
}
function looksRandomSecret(value, strongName = false) {
  if (value.length < 12 || INTEGRITY.test(value) || MD5.test(value) || HOSTNAME.test(value)) return false;
  if (UUID2.test(value) || HEX.test(value)) return strongName && !isNotASecret(value);
  if (isNotASecret(value) || looksLikeIdentifier(value) || isEncodedText(value)) return false;
  if (/^[a-z]+(?:[._-][a-z]+)*$/i.test(value) || /^(?:\.{0,2}\/|https?:|file:)/.test(value) || /\.(?:js|ts|json|ya?ml|pem|key|txt|env)$/i.test(value))
    return false;
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
  pattern: new RegExp(
    `(?:secret|token|passw(?:or)?d|pwd|key|credentials?|creds|auth)[A-Za-z0-9_.-]{0,24}${ASSIGN}([A-Za-z0-9+/=_.~!@#$%^&*-]{12,200})(?=["'\`\\s,;)}\\]<&|\\\\]|$)`,
    "gi"
  ),
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
var FRAMEWORK_PREFIXES = ["NEXT_PUBLIC_", "VITE_", "REACT_APP_", "NUXT_PUBLIC_", "PUBLIC_", "EXPO_PUBLIC_", "GATSBY_"];
var SERVER_SECRET_NAME = /SECRET|PRIVATE|SERVICE_ROLE|SERVICE_KEY|PASSWORD|PASSWD|DATABASE_URL|DB_URL|ADMIN_KEY|ADMIN_TOKEN|WEBHOOK_SECRET|SIGNING_KEY|ACCESS_KEY|AUTH_TOKEN/;
var PUBLIC_ENV_RULE = {
  id: "public-env-secret",
  title: "Server secret behind a client-bundle env prefix",
  keywords: ["public_", "vite_", "react_app_", "gatsby_"],
  pattern: /(?<![A-Za-z0-9_])((?:NEXT_PUBLIC_|VITE_|REACT_APP_|NUXT_PUBLIC_|PUBLIC_|EXPO_PUBLIC_|GATSBY_)[A-Z0-9_]{1,80})["'`]?\s{0,5}(?:=|:)\s{0,5}["'`]?([^\s"'`,;}]{8,400})/g,
  secretGroup: 2,
  classify: (secret, match) => {
    const name = match[1] ?? "";
    const unprefixed = name.slice(FRAMEWORK_PREFIXES.find((p) => name.startsWith(p))?.length ?? 0);
    if (!SERVER_SECRET_NAME.test(unprefixed) || /PUBLISHABLE|ANON/.test(unprefixed) || isNotASecret(secret)) return void 0;
    return "blocker";
  },
  priority: 1
};
function isBasicCredential(value) {
  const decoded = Buffer.from(value, "base64").toString("latin1");
  return decoded.includes(":") && /^[\x20-\x7e]+$/.test(decoded);
}
var AUTH_HEADER_RULE = {
  id: "authorization-header",
  title: "Credential in an Authorization header",
  keywords: ["authorization", "-h ", "--header"],
  pattern: /(?:(?<![A-Za-z0-9-])authorization["']?\s{0,3}(?:[:=]|["']\s{0,3},)|(?:-H|--header)\s{1,3}["'](?:x-[a-z0-9]{1,20}-)?(?:api-?key|api-?token|auth-?token|access-?token|token)\s{0,3}:)\s{0,3}["']?(?:(bearer|basic|token|bot|api-token|apikey|sso-key|key)\s{1,3})?([A-Za-z0-9._~+/=@!$%^*:-]{8,2000})/gi,
  secretGroup: 2,
  classify: (secret, match) => {
    const scheme = (match[1] ?? "").toLowerCase();
    const value = secret.replace(/[.,;:]+$/, "");
    if (isNotASecret(value) || /^[*x.]+$/i.test(value) || value.includes("%s") || /^(?:bearer|basic|token)$/i.test(value)) return void 0;
    if (scheme === "basic") return isBasicCredential(value) ? "high" : void 0;
    if (!scheme && (value.length < 10 || !/[0-9]/.test(value) || looksLikeIdentifier(value) || /^[a-z]+$/i.test(value))) return void 0;
    return "high";
  },
  priority: 2
};
var CURL_USER_RULE = {
  id: "curl-auth-user",
  title: "Password in a curl --user argument",
  keywords: ["curl"],
  pattern: /(?:^|\s)(?:-u|--user)\s{1,3}/g,
  severity: "high",
  find: (text) => {
    const out = [];
    const flag = /(?:^|\s)(?:-u|--user)\s{1,3}(["']?)([^\s"']{0,200}(?:'[^'\s]{1,120}')?)\1/g;
    for (let match = flag.exec(text); match; match = flag.exec(text)) {
      const arg = (match[2] ?? "").replace(/'/g, "");
      if (/[<>[\]]/.test(arg) || isNotASecret(arg)) continue;
      const colon = arg.indexOf(":");
      if (colon === -1) continue;
      const user = arg.slice(0, colon);
      const password = arg.slice(colon + 1);
      const secret = (password || user).replace(/^\{|\}$/g, "");
      if (secret.length < 6 || isNotASecret(secret) || /^\$/.test(secret)) continue;
      const at = text.indexOf(secret, match.index);
      out.push({ secret, index: at === -1 ? match.index : at });
    }
    return out;
  }
};

// src/stages/secrets/rules/messaging.ts
var SLACK = { exposes: "messaging", provider: "Slack", revokeAt: "https://api.slack.com/apps" };
var DISCORD = { exposes: "messaging", provider: "Discord", revokeAt: "https://discord.com/developers/applications" };
var TELEGRAM = { exposes: "messaging", provider: "Telegram", revokeAt: "https://t.me/BotFather" };
function slackSeverity(secret) {
  return looksSequential(secret) || !/[A-Za-z]/.test(secret.slice(5)) ? void 0 : "blocker";
}
var MESSAGING_RULES = [
  // Legacy two-part bot tokens (`xoxb-<digits>-<random>`) are still accepted by Slack (gitleaks `slack-legacy-bot-token`).
  {
    id: "slack-bot-token",
    title: "Slack bot token",
    keywords: ["xoxb-"],
    pattern: /(?<![A-Za-z0-9-])xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-)?[A-Za-z0-9]{18,40}(?![A-Za-z0-9-])/g,
    classify: slackSeverity,
    ...SLACK
  },
  {
    // gitleaks `slack-user-token`: `xox[pe]-` and three 10–13 digit ids; `xoxp-1234-1234-…` and masked `####` tails are documentation.
    id: "slack-user-token",
    title: "Slack user or workspace token",
    keywords: ["xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxo-", "xoxe"],
    pattern: /(?<![A-Za-z0-9-])(?:xox[pe](?:-[0-9]{10,13}){3}-[A-Za-z0-9-]{28,34}|xox[ar]-(?:[0-9]{1,2}-)?[A-Za-z0-9-]{8,250}|xox[os]-[0-9]{1,14}-[0-9]{1,14}-[0-9]{1,14}-[A-Fa-f0-9]{8,64}|xoxe(?:\.xox[bp])?-[0-9]-[A-Za-z0-9]{140,170})(?![A-Za-z0-9-])/g,
    classify: slackSeverity,
    ...SLACK
  },
  {
    id: "slack-app-token",
    title: "Slack app-level token",
    keywords: ["xapp-"],
    pattern: /(?<![A-Za-z0-9-])xapp-[0-9]-[A-Z0-9]{8,14}-[0-9]{8,16}-[A-Za-z0-9]{40,80}(?![A-Za-z0-9])/gi,
    severity: "blocker",
    ...SLACK
  },
  {
    id: "slack-webhook-url",
    title: "Slack incoming webhook URL",
    keywords: ["hooks.slack.com"],
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,120}/g,
    severity: "blocker",
    ...SLACK
  },
  {
    id: "discord-webhook-url",
    title: "Discord webhook URL",
    keywords: ["/api/webhooks/"],
    pattern: /discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,72}/g,
    severity: "blocker",
    ...DISCORD
  },
  {
    id: "discord-api-token",
    title: "Discord bot token",
    keywords: ["discord"],
    pattern: /(?<![A-Za-z0-9_-])([MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/g,
    severity: "blocker",
    ...DISCORD
  },
  // gitleaks `discord-api-token` (64 hex) and `discord-client-secret` (32 chars) by name.
  {
    id: "discord-client-secret",
    title: "Discord API key or client secret",
    keywords: ["discord"],
    pattern: assigned("discord[\\w.-]{0,20}(?:token|secret|key)", "[a-f0-9]{64}|[A-Za-z0-9=_-]{32}"),
    severity: "blocker",
    ...DISCORD
  },
  {
    id: "telegram-bot-api-token",
    title: "Telegram bot token",
    keywords: [":aa"],
    pattern: /(?<![0-9])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/g,
    severity: "blocker",
    ...TELEGRAM
  },
  // Tokens whose secret half does not start `AA`, found near the word "telegram" (gitleaks' 5–16 digit ids, trufflehog's 35-char secret).
  {
    id: "telegram-bot-token-named",
    title: "Telegram bot token",
    keywords: ["telegr"],
    pattern: near("telegr[\\w.-]{0,30}", "[0-9]{5,16}:[A-Za-z0-9_-]{35}"),
    classify: (s) => /^(?:[A-Z][a-z]{2,}){3,}$/.test(s.split(":")[1] ?? "") ? void 0 : "blocker",
    ...TELEGRAM
  }
];

// src/stages/secrets/rules/payments.ts
var STRIPE = { exposes: "payments", provider: "Stripe", revokeAt: "https://dashboard.stripe.com/apikeys", paths: ["checkout"] };
var SHOPIFY = { exposes: "payments", provider: "Shopify", revokeAt: "https://admin.shopify.com/settings/apps/development", paths: ["checkout"] };
var SQUARE = { exposes: "payments", provider: "Square", revokeAt: "https://developer.squareup.com/apps", paths: ["checkout"] };
var PAYPAL = {
  exposes: "payments",
  provider: "PayPal/Braintree",
  revokeAt: "https://developer.paypal.com/dashboard/applications",
  paths: ["checkout"]
};
var PAYMENT_RULES = [
  {
    // gitleaks `stripe-access-token`: `sk_`/`rk_` of live, test and prod environments, 10–99 chars after the prefix.
    id: "stripe-access-token",
    title: "Stripe secret or restricted key",
    keywords: ["sk_live_", "rk_live_", "sk_test_", "rk_test_", "sk_prod_", "rk_prod_"],
    pattern: /(?<![A-Za-z0-9_])[sr]k_(?:live|test|prod)_[A-Za-z0-9]{10,247}(?![A-Za-z0-9])/g,
    // Test-mode keys move no money but read test customers and show how the live key is used: high, not a blocker.
    classify: (secret) => secret.length < 32 ? void 0 : secret.slice(3, 7) === "test" ? "high" : "blocker",
    ...STRIPE
  },
  {
    id: "stripe-webhook-secret",
    title: "Stripe webhook signing secret",
    keywords: ["whsec_"],
    pattern: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/]{24,88}={0,2}(?![A-Za-z0-9+/=])/g,
    severity: "blocker",
    ...STRIPE,
    revokeAt: "https://dashboard.stripe.com/webhooks"
  },
  // Shopify tokens have alphanumeric bodies since 2024 (secretlint `shopify` snapshots), hex before.
  {
    id: "shopify-access-token",
    title: "Shopify access token",
    keywords: ["shpat_", "shpca_", "shppa_"],
    pattern: /(?<![A-Za-z0-9_])shp(?:at|ca|pa)_[A-Za-z0-9]{32}(?![A-Za-z0-9])/g,
    severity: "blocker",
    ...SHOPIFY
  },
  {
    id: "shopify-shared-secret",
    title: "Shopify app shared secret",
    keywords: ["shpss_"],
    pattern: /(?<![A-Za-z0-9_])shpss_[A-Za-z0-9]{32}(?![A-Za-z0-9])/g,
    severity: "blocker",
    ...SHOPIFY
  },
  // gitleaks `square-access-token` (`EAAA`, `sq0atp-`) and `square-secret` (`sq0csp-`); trufflehog `squareapp` (`sq0i..-`, `sq0c..-`, sandbox).
  {
    id: "square-access-token",
    title: "Square access token",
    keywords: ["sq0atp-"],
    pattern: /(?<![A-Za-z0-9_-])sq0atp-[A-Za-z0-9_-]{22,60}(?![A-Za-z0-9_-])/g,
    severity: "blocker",
    ...SQUARE
  },
  // `EAAA` alone is too short a prefix to trust: only near the word "square" (trufflehog `square`).
  {
    id: "square-access-token-named",
    title: "Square access token",
    keywords: ["square"],
    pattern: near("square", "EAAA[A-Za-z0-9_+=-]{60}"),
    severity: "blocker",
    ...SQUARE
  },
  {
    id: "square-secret",
    title: "Square application secret",
    keywords: ["sq0c"],
    pattern: /(?<![A-Za-z0-9_-])(?:sandbox-)?sq0c[a-z]{2}-[A-Za-z0-9_-]{40,50}(?![A-Za-z0-9_-])/g,
    classify: (s) => s.startsWith("sandbox-") ? "high" : "blocker",
    ...SQUARE
  },
  {
    // `access_token$production$<merchant>$<hex>`: a Braintree/PayPal gateway token (gitleaks and trufflehog `braintree`).
    id: "braintree-access-token",
    title: "Braintree (PayPal) gateway access token",
    keywords: ["access_token$"],
    pattern: /access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}/g,
    classify: (s) => s.includes("$sandbox$") ? "high" : "blocker",
    ...PAYPAL
  },
  {
    id: "braintree-private-key",
    title: "Braintree private key",
    keywords: ["braintree"],
    pattern: near("braintree", "[0-9a-f]{32}"),
    severity: "blocker",
    ...PAYPAL
  },
  {
    id: "paypal-client-secret",
    title: "PayPal client secret",
    keywords: ["paypal"],
    pattern: near("paypal", "[A-Za-z0-9_.-]{7}-[A-Za-z0-9_.]{72}|[A-Za-z0-9_.-]{44,80}"),
    severity: "blocker",
    ...PAYPAL
  },
  {
    id: "paypal-client-secret-named",
    title: "PayPal client secret",
    keywords: ["paypal"],
    pattern: assigned("paypal[\\w.-]{0,20}secret", "[A-Za-z0-9_-]{40,90}"),
    severity: "blocker",
    ...PAYPAL
  }
];

// src/core/narrow.ts
function valueAt(root, ...keys) {
  let current = root;
  for (const key of keys) {
    if (!isRecord(current)) return void 0;
    current = current[key];
  }
  return current;
}

// src/stages/secrets/rules/platforms.ts
var UUID3 = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
var PLATFORM_RULES = [
  // Vercel's prefixed tokens (`vcp_`, `vci_`, `vca_`, `vcr_`, `vck_`; secretlint `vercel`) and the older 24-character token by name (trufflehog `vercel`).
  {
    id: "vercel-access-token",
    title: "Vercel access token",
    keywords: ["vercel", "vcp_", "vci_", "vca_", "vcr_", "vck_"],
    pattern: /(?<![A-Za-z0-9_])vc[picrka]_[A-Za-z0-9]{40,80}(?![A-Za-z0-9])|vercel[\w. -]{0,24}["'`]?\s{0,5}(?:=|:|=>|\s-)\s{0,5}["'`]?([A-Za-z0-9]{24})(?![A-Za-z0-9])/gi,
    classify: (s) => isNotASecret(s) ? void 0 : "blocker",
    exposes: "cloud",
    provider: "Vercel",
    revokeAt: "https://vercel.com/account/tokens"
  },
  {
    id: "netlify-access-token",
    title: "Netlify access token",
    keywords: ["netlify"],
    pattern: near("netlify", "nfp_[A-Za-z0-9_]{36}"),
    severity: "blocker",
    exposes: "cloud",
    provider: "Netlify",
    revokeAt: "https://app.netlify.com/user/applications"
  },
  {
    id: "netlify-access-token-named",
    title: "Netlify access token",
    keywords: ["netlify"],
    pattern: assigned("netlify[\\w.-]{0,20}(?:token|key|secret|auth)", "[A-Za-z0-9=_-]{40,46}"),
    classify: (s) => isNotASecret(s) ? void 0 : "blocker",
    exposes: "cloud",
    provider: "Netlify",
    revokeAt: "https://app.netlify.com/user/applications"
  },
  // Heroku: `HRKU-AA…` since 2024 (gitleaks `heroku-api-key-v2`), a UUID by name before (gitleaks `heroku-api-key`).
  {
    id: "heroku-api-key",
    title: "Heroku API key",
    keywords: ["hrku-", "heroku"],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])HRKU-AA[0-9A-Za-z_-]{58}(?![A-Za-z0-9_-])|${assigned("heroku", UUID3).source}`, "gi"),
    classify: (s) => isNotASecret(s) ? void 0 : "blocker",
    exposes: "cloud",
    provider: "Heroku",
    revokeAt: "https://dashboard.heroku.com/account/applications"
  },
  {
    id: "doppler-api-token",
    title: "Doppler token",
    keywords: ["dp."],
    pattern: /(?<![A-Za-z0-9_.])dp\.(?:pt|st|sa|ct|scim|audit)\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44}(?![A-Za-z0-9])/g,
    severity: "blocker",
    exposes: "cloud",
    provider: "Doppler",
    revokeAt: "https://dashboard.doppler.com/"
  },
  {
    // The anon key is public by design; only `role: service_role` and the new `sb_secret_` keys bypass row-level security. `sbp_` is a personal access token (trufflehog `supabasetoken`).
    id: "supabase-service-role-key",
    title: "Supabase service-role or secret key",
    keywords: ["eyj", "sb_secret_", "sbp_"],
    pattern: /(?<![A-Za-z0-9_-])(?:eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{20,1000}|sb_secret_[A-Za-z0-9_-]{20,80}|sbp_[a-z0-9]{40})(?![A-Za-z0-9_-])/g,
    classify: (secret) => secret.startsWith("sb_secret_") || secret.startsWith("sbp_") || jwtRole(secret) === "service_role" ? "blocker" : void 0,
    exposes: "database",
    provider: "Supabase",
    revokeAt: "https://supabase.com/dashboard/project/_/settings/api-keys"
  },
  // Sentry: org tokens (`sntrys_` + base64 JSON + `_` + 43), user tokens (`sntryu_` + 64 hex), and the legacy 64-hex token by name (gitleaks `sentry.go`).
  {
    id: "sentry-access-token",
    title: "Sentry auth token",
    keywords: ["sntrys_", "sntryu_", "sentry"],
    pattern: /(?<![A-Za-z0-9_])(?:sntrys_eyJ[A-Za-z0-9+/=]{60,400}_[A-Za-z0-9+/]{43}|sntryu_[a-f0-9]{64})(?![A-Za-z0-9_+/])/g,
    severity: "blocker",
    exposes: "other",
    provider: "Sentry",
    revokeAt: "https://sentry.io/settings/account/api/auth-tokens/"
  },
  {
    id: "sentry-legacy-token",
    title: "Sentry auth token",
    keywords: ["sentry"],
    pattern: near("sentry", "[a-f0-9]{64}"),
    severity: "blocker",
    exposes: "other",
    provider: "Sentry",
    revokeAt: "https://sentry.io/settings/account/api/auth-tokens/"
  },
  // A Sentry DSN (`https://<32 hex public key>@o123.ingest.sentry.io/456`, and the older `@sentry.io/456`
  // form, with or without the deprecated `:<secret key>`) ships in every browser bundle by design:
  // Sentry's own docs call it safe to expose. Info at most, and whole, so a generic rule seeing the
  // same text loses the overlap instead of raising it (trufflehog `sentrytoken` skips DSNs too).
  {
    id: "sentry-dsn",
    title: "Sentry DSN (public by design)",
    keywords: ["sentry.io"],
    pattern: /https?:\/\/[a-f0-9]{32}(?::[a-f0-9]{32})?@(?:o\d{1,12}\.ingest(?:\.[a-z]{2,4})?\.sentry\.io|sentry\.io)\/\d{1,12}(?![0-9A-Za-z])/g,
    severity: "info",
    exposes: "other",
    provider: "Sentry"
  },
  // Datadog API (32) and application (40) keys have no prefix: only near the word (gitleaks `datadog-access-token`, trufflehog `datadogtoken`).
  {
    id: "datadog-access-token",
    title: "Datadog API or application key",
    keywords: ["datadog", "dd_api", "dd_app", "dd-api", "dd-app"],
    pattern: near("datadog|dd[_-]ap[ip][_-]?key", "[a-z0-9]{40}|[a-f0-9]{32}"),
    classify: (s) => isNotASecret(s) ? void 0 : "blocker",
    exposes: "other",
    provider: "Datadog",
    revokeAt: "https://app.datadoghq.com/organization-settings/api-keys"
  },
  {
    id: "linear-api-key",
    title: "Linear API key",
    keywords: ["lin_api_"],
    pattern: /(?<![A-Za-z0-9_])lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9])/g,
    severity: "blocker",
    exposes: "other",
    provider: "Linear",
    revokeAt: "https://linear.app/settings/account/security"
  },
  {
    id: "linear-client-secret",
    title: "Linear OAuth client secret",
    keywords: ["linear"],
    pattern: assigned("linear", "[a-f0-9]{32}"),
    severity: "blocker",
    exposes: "other",
    provider: "Linear",
    revokeAt: "https://linear.app/settings/api/applications"
  },
  // Notion: `secret_` + 43 (integration tokens before 2024), `ntn_` + 11 digits + 35 (gitleaks `notion-api-token`).
  {
    id: "notion-api-token",
    title: "Notion integration token",
    keywords: ["secret_", "ntn_"],
    pattern: /(?<![A-Za-z0-9_])(?:secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})(?![A-Za-z0-9])/g,
    severity: "blocker",
    exposes: "database",
    provider: "Notion",
    revokeAt: "https://www.notion.so/my-integrations"
  },
  // Clerk secret keys share Stripe's `sk_live_`/`sk_test_` prefix; only the name tells them apart.
  {
    id: "clerk-secret-key",
    title: "Clerk secret key",
    keywords: ["clerk"],
    pattern: assigned("clerk[\\w.-]{0,20}(?:secret|key)", "sk_(?:live|test)_[A-Za-z0-9]{20,80}"),
    classify: (s) => s.startsWith("sk_test_") ? "high" : "blocker",
    exposes: "database",
    provider: "Clerk",
    revokeAt: "https://dashboard.clerk.com/last-active?path=api-keys"
  },
  // trufflehog `auth0oauth`: a 64+ character client secret near "auth0".
  {
    id: "auth0-client-secret",
    title: "Auth0 client secret",
    keywords: ["auth0"],
    pattern: near("auth0[\\w.-]{0,20}(?:client)?[_-]?secret|auth0", "[A-Za-z0-9_-]{64,90}"),
    classify: (s) => isNotASecret(s) ? void 0 : "blocker",
    exposes: "database",
    provider: "Auth0",
    revokeAt: "https://manage.auth0.com/#/applications"
  }
];
function jwtRole(token) {
  const payload = token.split(".")[1];
  if (!payload) return void 0;
  try {
    const json = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return stringOr(valueAt(json, "role"));
  } catch {
    return void 0;
  }
}

// src/stages/secrets/rules/private-key.ts
var BEGIN = /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
var MAX_KEY_CHARS = 2e4;
function findPrivateKeys(text) {
  const out = [];
  BEGIN.lastIndex = 0;
  let end = -2;
  for (let match = BEGIN.exec(text); match; match = BEGIN.exec(text)) {
    const start = match.index + match[0].length;
    if (end < start) end = text.indexOf("-----END", start);
    if (end === -1) break;
    if (end - start > MAX_KEY_CHARS) continue;
    const body = trimKeyBody(text.slice(start, end));
    if (body.replace(/\\n|[^A-Za-z0-9+/=]/g, "").length < 64) continue;
    out.push({ secret: body, index: match.index });
    BEGIN.lastIndex = end;
  }
  return out;
}
function trimKeyBody(raw) {
  let from = 0;
  let to = raw.length;
  const skippable = (i) => /\s/.test(raw[i]) || raw[i] === "\\" && (raw[i + 1] === "n" || raw[i + 1] === "r");
  while (from < to && skippable(from)) from += raw[from] === "\\" ? 2 : 1;
  while (to > from && (/\s/.test(raw[to - 1]) || raw[to - 2] === "\\" && (raw[to - 1] === "n" || raw[to - 1] === "r")))
    to -= /\s/.test(raw[to - 1]) ? 1 : 2;
  return raw.slice(from, to);
}
var PRIVATE_KEY_RULE = {
  id: "private-key",
  title: "Private key (PEM or OpenSSH)",
  keywords: ["private key"],
  pattern: BEGIN,
  severity: "blocker",
  find: findPrivateKeys
};

// src/stages/secrets/rules/index.ts
var DEFAULT_RULES = [
  ...CODE_HOSTING_RULES,
  ...MESSAGING_RULES,
  ...PLATFORM_RULES,
  ...PAYMENT_RULES,
  ...AI_RULES,
  ...EMAIL_RULES,
  ...CLOUD_RULES,
  ...DATABASE_RULES,
  PRIVATE_KEY_RULE,
  PUBLIC_ENV_RULE,
  AUTH_HEADER_RULE,
  CURL_USER_RULE,
  GENERIC_RULE
];

// src/stages/secrets/suppress.ts
var GITLEAKS_CONFIG = ".gitleaks.toml";
var GITLEAKS_IGNORE = ".gitleaksignore";
function goRegex(source, global = true) {
  let flags = global ? "g" : "";
  let body = source;
  const inline = body.match(/^\(\?([imsU]+)\)/);
  if (inline) {
    body = body.slice(inline[0].length);
    if (inline[1].includes("i")) flags += "i";
    if (inline[1].includes("s")) flags += "s";
    if (inline[1].includes("m")) flags += "m";
  }
  if (/\(\?i\)/.test(body)) {
    body = body.replace(/\(\?i\)/g, "");
    if (!flags.includes("i")) flags += "i";
  }
  body = body.replace(/\\z/g, "$").replace(/\(\?P</g, "(?<");
  return new RegExp(body, flags);
}
function lineOf(text, needle) {
  const at = needle ? text.indexOf(needle) : -1;
  return at === -1 ? 1 : text.slice(0, at).split("\n").length;
}
function strings(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
var MAX_POLICY_BYTES = 4 * 1024 * 1024;
var MAX_BASELINE_BYTES = 256 * 1024 * 1024;
function policyText(read, shown) {
  if (read.kind === "text") return read.text;
  const why = read.kind === "not-a-file" && read.reason !== "EISDIR" ? `it is ${read.reason}` : "reason" in read ? read.reason : read.kind;
  throw new UsageError(`${shown}: cannot read the gitleaks config (${why}); make it a readable TOML file`);
}
function loadScanPolicy(repo, shown = GITLEAKS_CONFIG) {
  const allowlists = [];
  const file = join(repo, GITLEAKS_CONFIG);
  if (!existsSync(file)) return { rules: DEFAULT_RULES, allowlists };
  const text = policyText(readBoundedText(file, { maxBytes: MAX_POLICY_BYTES }), shown);
  let doc;
  try {
    doc = parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const what = error.message.split("\n")[0].replace(/^Invalid TOML document: /, "");
      throw new UsageError(`${shown}:${error.line}:${error.column}: ${what}; fix the TOML syntax (see gitleaks' config format)`);
    }
    throw error;
  }
  const compile = (source, where) => {
    try {
      if (typeof source !== "string") throw new Error("not a string");
      return goRegex(source);
    } catch (error) {
      const line = lineOf(text, typeof source === "string" ? source : where.split(".").pop());
      throw new UsageError(`${shown}:${line}: ${where}: invalid regular expression (${reasonOf(error)}); write a regex both Go and JavaScript accept`);
    }
  };
  const custom = [];
  const rules = recordsOf(doc.rules);
  const readAllowlist = (list, where, rule) => {
    const out = {
      paths: [],
      regexes: [],
      stopwords: [],
      commits: /* @__PURE__ */ new Set(),
      condition: String(list.condition ?? "OR").toUpperCase() === "AND" ? "AND" : "OR"
    };
    strings(list.paths).forEach((p, j) => out.paths.push(compile(p, `${where}.paths[${j}]`)));
    strings(list.regexes).forEach((p, j) => out.regexes.push(compile(p, `${where}.regexes[${j}]`)));
    out.stopwords.push(...strings(list.stopwords).map((w) => w.toLowerCase()));
    for (const commit of strings(list.commits)) out.commits.add(commit);
    const targets = rule ? [rule] : strings(list.targetRules);
    if (targets.length > 0) out.targetRules = new Set(targets);
    return out;
  };
  const listsOf = (owner) => [owner.allowlist, ...Array.isArray(owner.allowlists) ? owner.allowlists : []].filter(
    (l) => typeof l === "object" && l !== null && !Array.isArray(l)
  );
  rules.forEach((rule, i) => {
    const id = typeof rule.id === "string" ? rule.id : `custom-rule-${i + 1}`;
    listsOf(rule).forEach((list, j) => allowlists.push(readAllowlist(list, `rules[${i}].allowlists[${j}]`, id)));
    if (rule.regex === void 0) return;
    const out = {
      id,
      title: typeof rule.description === "string" ? rule.description : `Secret matching rule ${id}`,
      keywords: strings(rule.keywords).map((k) => k.toLowerCase()),
      pattern: compile(rule.regex, `rules[${i}].regex`),
      severity: "blocker"
    };
    if (typeof rule.secretGroup === "number") out.secretGroup = rule.secretGroup;
    if (typeof rule.entropy === "number") out.entropy = rule.entropy;
    if (typeof rule.path === "string") out.path = compile(rule.path, `rules[${i}].path`);
    custom.push(out);
  });
  listsOf(doc).forEach((list, i) => allowlists.push(readAllowlist(list, `allowlist[${i}]`)));
  const useDefault = isRecord(doc.extend) && doc.extend.useDefault === true || custom.length === 0;
  const byId = /* @__PURE__ */ new Map();
  for (const rule of [...useDefault ? DEFAULT_RULES : [], ...custom]) byId.set(rule.id, rule);
  return { rules: [...byId.values()], allowlists, configFile: GITLEAKS_CONFIG };
}
function isAllowed(allowlists, ruleId, secret, file, commit) {
  return allowlists.some((list) => (!list.targetRules || list.targetRules.has(ruleId)) && covers(list, secret, file, commit));
}
function covers(list, secret, file, commit) {
  const lower = secret.toLowerCase();
  const verdicts = [];
  if (list.commits.size > 0) verdicts.push(commit !== void 0 && list.commits.has(commit));
  if (list.paths.length > 0) verdicts.push(file !== void 0 && list.paths.some((p) => test(p, file)));
  if (list.regexes.length > 0) verdicts.push(list.regexes.some((r) => test(r, secret)));
  if (list.stopwords.length > 0) verdicts.push(list.stopwords.some((word) => lower.includes(word)));
  if (verdicts.length === 0) return false;
  return list.condition === "AND" ? verdicts.every(Boolean) : verdicts.some(Boolean);
}
function test(regex, text) {
  regex.lastIndex = 0;
  return regex.test(text);
}
function gitleaksFingerprint(ruleId, file, line, commit) {
  return commit ? `${commit}:${file}:${ruleId}:${line}` : `${file}:${ruleId}:${line}`;
}
function loadGitleaksIgnore(repo) {
  const file = join(repo, GITLEAKS_IGNORE);
  if (!existsSync(file)) return /* @__PURE__ */ new Set();
  return new Set(
    readFileSync(file, "utf8").split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
  );
}
function loadBaseline(path, shown) {
  const fix = "pass a report written by launch-ready secrets --format json --output FILE";
  const read = readBoundedText(path, { maxBytes: MAX_BASELINE_BYTES });
  if (read.kind !== "text") {
    const why = read.kind === "missing" ? "ENOENT" : read.kind === "not-a-file" && read.reason !== "EISDIR" ? `it is ${read.reason}` : "reason" in read ? read.reason : read.kind;
    throw new UsageError(`${shown}: cannot read the baseline (${why}); ${fix}`);
  }
  let data;
  try {
    data = JSON.parse(read.text);
  } catch {
    throw new UsageError(`${shown}: not JSON; ${fix}`);
  }
  const out = /* @__PURE__ */ new Set();
  if (Array.isArray(data)) {
    for (const item of recordsOf(data)) if (typeof item.Fingerprint === "string") out.add(item.Fingerprint);
    return out;
  }
  const stages = isRecord(data) ? data.stages : void 0;
  if (!Array.isArray(stages)) throw new UsageError(`${shown}: not a launch-ready or gitleaks JSON report; ${fix}`);
  for (const stage of recordsOf(stages)) {
    if (stage.id !== "secrets") continue;
    for (const finding of recordsOf(stage.findings)) {
      if (typeof finding.fingerprint === "string") out.add(finding.fingerprint);
      for (const place of recordsOf(finding.occurrences)) if (typeof place.fingerprint === "string") out.add(place.fingerprint);
    }
  }
  return out;
}

// src/stages/secrets/decode.ts
var KIND_SECRET = /kind:[ \t]{0,5}["']?Secret\b/;
var DATA_LINE = /^[ \t]{1,16}([A-Za-z0-9_.-]{1,100}):[ \t]{0,5}["']?([A-Za-z0-9+/]{12,8000}={0,2})["']?[ \t]*\r?$/gm;
function encodedSecretValues(text) {
  if (!KIND_SECRET.test(text)) return [];
  const out = [];
  DATA_LINE.lastIndex = 0;
  for (let match = DATA_LINE.exec(text); match; match = DATA_LINE.exec(text)) {
    const encoded = match[2];
    const decoded = Buffer.from(encoded, "base64").toString("utf8");
    if (decoded.length < 8 || /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(decoded)) continue;
    out.push({ name: match[1], decoded, index: match.index + match[0].indexOf(encoded) });
  }
  return out;
}

// src/stages/secrets/scan.ts
var ALLOW_MARK = "gitleaks:allow";
var MAX_MATCHES_PER_RULE = 5e3;
function scanText(text, rules, file) {
  if (text.length === 0) return [];
  const index = keywordIndexOf(rules);
  const present = index.present(text);
  if (present.size === 0 && !index.hasUnkeyed) return [];
  const candidates = [];
  for (const rule of rules) {
    if (rule.keywords.length > 0 && !rule.keywords.some((k) => present.has(k))) continue;
    if (rule.path && (file === void 0 || !rule.path.test(file))) continue;
    const finder = rule.find;
    if (finder) {
      for (const hit of finder(text)) candidates.push({ rule, secret: hit.secret, severity: rule.severity ?? "blocker", index: hit.index });
      continue;
    }
    collect(rule, text, candidates);
  }
  if (present.has("secret")) addDecoded(text, rules, file, candidates);
  if (candidates.length === 0) return [];
  return locate(text, dropOverlaps(candidates));
}
var KeywordIndex = class {
  hasUnkeyed;
  union;
  keywords;
  constructor(rules) {
    this.keywords = [...new Set(rules.flatMap((r) => r.keywords.map((k) => k.toLowerCase())))].filter(Boolean).sort((a, b) => b.length - a.length);
    this.hasUnkeyed = rules.some((r) => r.keywords.length === 0);
    const escape = (k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    this.union = this.keywords.length > 0 ? new RegExp(this.keywords.map(escape).join("|"), "gi") : void 0;
  }
  present(text) {
    const found = /* @__PURE__ */ new Set();
    const union = this.union;
    if (!union) return found;
    union.lastIndex = 0;
    for (let match = union.exec(text); match; match = union.exec(text)) {
      found.add(match[0].toLowerCase());
      union.lastIndex = match.index + 1;
    }
    if (found.size === 0) return found;
    for (const keyword of this.keywords) {
      if (found.has(keyword)) continue;
      for (const hit of found) {
        if (hit.length > keyword.length && hit.includes(keyword)) {
          found.add(keyword);
          break;
        }
      }
    }
    return found;
  }
};
var INDEXES = /* @__PURE__ */ new WeakMap();
function keywordIndexOf(rules) {
  let index = INDEXES.get(rules);
  if (!index) {
    index = new KeywordIndex(rules);
    INDEXES.set(rules, index);
  }
  return index;
}
function addDecoded(text, rules, file, out) {
  for (const value of encodedSecretValues(text)) {
    const inner = scanText(`${value.name}=${value.decoded}`, rules, file);
    for (const match of inner) out.push({ rule: match.rule, secret: match.secret, severity: match.severity, index: value.index });
  }
}
function collect(rule, text, out) {
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  let kept = 0;
  for (let match = pattern.exec(text); match && kept < MAX_MATCHES_PER_RULE; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const secret = secretOf(rule, match);
    if (!secret) continue;
    if (rule.entropy !== void 0 && entropyOf(secret) < rule.entropy) continue;
    if (isNotASecret(secret)) continue;
    if (rule.exposes !== "database" && /^(?:[A-Z][a-z]{2,}){3,}$/.test(bodyOf(secret))) continue;
    const severity = rule.classify ? rule.classify(secret, match, text) : rule.severity ?? "blocker";
    if (!severity) continue;
    const offset = match[0].indexOf(secret);
    out.push({ rule, secret, severity, index: match.index + Math.max(0, offset) });
    kept++;
  }
}
function secretOf(rule, match) {
  if (rule.secretGroup !== void 0) return match[rule.secretGroup];
  for (let i = 1; i < match.length; i++) if (match[i] !== void 0) return match[i];
  return match[0];
}
function dropOverlaps(candidates) {
  const tiers = /* @__PURE__ */ new Map();
  for (const c of candidates) {
    const priority = c.rule.priority ?? 0;
    const tier = tiers.get(priority);
    if (tier) tier.push(c);
    else tiers.set(priority, [c]);
  }
  let kept = [];
  for (const priority of [...tiers.keys()].sort((a, b) => a - b)) {
    const tier = tiers.get(priority).sort((a, b) => a.index - b.index);
    const added = [];
    let cursor = 0;
    let lastEnd = -1;
    for (const c of tier) {
      const end = c.index + c.secret.length;
      while (cursor < kept.length && kept[cursor].index + kept[cursor].secret.length <= c.index) cursor++;
      const clashesEarlier = cursor < kept.length && kept[cursor].index < end;
      if (clashesEarlier || c.index < lastEnd) continue;
      added.push(c);
      lastEnd = end;
    }
    kept = mergeByIndex(kept, added);
  }
  return kept;
}
function mergeByIndex(a, b) {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i].index <= b[j].index ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
function locate(text, candidates) {
  const out = [];
  const mayAllow = text.includes(ALLOW_MARK);
  let line = 1;
  let lineStart = 0;
  let cursor = 0;
  for (const c of candidates) {
    for (let nl = text.indexOf("\n", cursor); nl !== -1 && nl < c.index; nl = text.indexOf("\n", nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    cursor = Math.max(cursor, lineStart);
    if (mayAllow) {
      const lineEnd = text.indexOf("\n", c.index + c.secret.length);
      if (text.slice(lineStart, lineEnd === -1 ? void 0 : lineEnd).includes(ALLOW_MARK)) continue;
    }
    out.push({ rule: c.rule, secret: c.secret, severity: c.severity, line, column: c.index - lineStart + 1 });
  }
  return out;
}

// src/stages/secrets/sources/history.ts
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
var UNDIFFED_HISTORY_PATTERNS = [
  "package-lock.json",
  "npm-shrinkwrap.json",
  "pnpm-lock.yaml",
  "yarn.lock",
  "deno.lock",
  "bun.lock",
  "bun.lockb",
  "Pipfile.lock",
  "poetry.lock",
  "go.sum",
  "gradle.lockfile",
  ...["bmp", "gif", "jpg", "jpeg", "png", "svg", "tif", "tiff", "ico", "webp", "eot", "ttf", "otf", "woff", "woff2", "pdf", "doc", "docx", "xls", "xlsx"].map(
    (ext) => `*.${ext}`
  )
];
function writeUndiffedAttributes() {
  const dir = mkdtempSync(join2(tmpdir(), "lr-history-"));
  const file = join2(dir, "attributes");
  writeFileSync(file, UNDIFFED_HISTORY_PATTERNS.map((pattern) => `${pattern} -diff
`).join(""), { mode: 384 });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
function historyArgs(attributesFile, extra = [], revisions = ["--all"]) {
  const format = revisions.includes("--stdin") ? "--format=%x01%H %aI" : "--format=%x01%H %aI %S";
  return [
    "-c",
    "core.quotePath=false",
    "-c",
    "diff.renames=true",
    "-c",
    `core.attributesFile=${attributesFile}`,
    "log",
    "-p",
    "-U0",
    "--full-history",
    ...revisions,
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--diff-filter=d",
    format,
    ...extra
  ];
}
function streamHistory(options, onBlock) {
  return new Promise((resolvePromise, reject) => {
    const revisions = options.commits ? ["--no-walk=unsorted", "--stdin"] : ["--all"];
    const attributes = writeUndiffedAttributes();
    const child = spawn("git", ["-C", options.repo, ...historyArgs(attributes.file, options.extraArgs, revisions)], {
      stdio: ["pipe", "pipe", "pipe"],
      signal: options.signal
    });
    child.on("close", attributes.remove);
    child.stdin.on("error", () => void 0);
    child.stdin.end(options.commits ? options.commits.join("\n") + "\n" : "");
    const parser = new PatchParser(options.maxBlockBytes, onBlock);
    let stderr = "";
    let failed;
    child.stdout.on("data", (chunk) => {
      if (failed) return;
      parser.stats.bytes += chunk.length;
      try {
        parser.push(chunk);
      } catch (error) {
        failed = error;
        child.kill();
      }
    });
    child.stderr.on("data", (chunk) => {
      if (stderr.length < 4e3) stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (failed) return reject(failed);
      parser.end();
      if (code !== 0) return reject(new Error(`git log failed (exit ${code}): ${stderr.trim().split("\n")[0] ?? ""}`));
      resolvePromise(parser.stats);
    });
  });
}
var PatchParser = class {
  constructor(maxBlockBytes, onBlock) {
    this.maxBlockBytes = maxBlockBytes;
    this.onBlock = onBlock;
  }
  maxBlockBytes;
  onBlock;
  stats = { commits: 0, bytes: 0, skippedLargeBlocks: 0 };
  /** The start of a line that continues in the next chunk. */
  carry;
  commit = "";
  date = "";
  ref = "";
  file;
  inHeader = false;
  nextLine = 0;
  added = [];
  lines = [];
  blockBytes = 0;
  tooLarge = false;
  /** Inside a line longer than any block may be: its rest is dropped up to the next newline. */
  skippingLine = false;
  /**
   * Feed the next piece of output (bytes as git wrote them; a string is taken as UTF-8). Only the
   * new bytes are searched for newlines, and a partial line is never kept past the block cap: a
   * 100 MiB one-line file costs one pass over its bytes, not one pass per chunk.
   */
  push(input) {
    const chunk = typeof input === "string" ? Buffer.from(input, "utf8") : input;
    let start = 0;
    if (this.skippingLine) {
      const nl2 = chunk.indexOf(10);
      if (nl2 === -1) return;
      this.skippingLine = false;
      start = nl2 + 1;
    }
    let nl = chunk.indexOf(10, start);
    if (this.carry) {
      if (nl === -1) return this.keep(chunk, start);
      const line = Buffer.concat([this.carry, chunk.subarray(start, nl)]);
      this.carry = void 0;
      this.take(line, 0, line.length);
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    for (; nl !== -1; nl = chunk.indexOf(10, start)) {
      this.take(chunk, start, nl);
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk, start);
  }
  /** Carry a partial line, unless it already outgrew the block cap: then it is counted as too large and dropped. */
  keep(chunk, start) {
    const rest = chunk.subarray(start);
    const carried = this.carry?.length ?? 0;
    if (carried + rest.length <= this.maxBlockBytes + 1) {
      this.carry = this.carry ? Buffer.concat([this.carry, rest]) : Buffer.from(rest);
      return;
    }
    const first = carried > 0 ? this.carry[0] : rest[0];
    if (!this.inHeader && this.file !== void 0 && first === 43) {
      this.tooLarge = true;
      this.added = [];
      this.lines = [];
    }
    this.carry = void 0;
    this.skippingLine = true;
  }
  end() {
    if (this.carry) this.take(this.carry, 0, this.carry.length);
    this.carry = void 0;
    this.flush();
  }
  /** One line: `bytes[start, end)`, without its newline. */
  take(bytes, start, end) {
    const first = start < end ? bytes[start] : -1;
    if (!this.inHeader && this.file !== void 0) {
      if (first === 43) return this.addLine(bytes, start, end);
      if (first === 45 || first === 92) return;
      if (first === 64 && end - start > 3 && bytes[start + 1] === 64 && bytes[start + 2] === 32) return this.hunk(bytes.toString("latin1", start, end));
    } else if (first === 45 && !this.inHeader) return;
    if (first === 1) return this.startCommit(bytes.toString("utf8", start + 1, end));
    const line = bytes.toString("utf8", start, Math.min(end, start + 4096));
    if (line.startsWith("diff --git ")) {
      this.flush();
      this.file = void 0;
      this.inHeader = true;
      return;
    }
    if (!this.inHeader) return;
    if (line.startsWith("+++ ")) {
      const target = line.slice(4).replace(/\t$/, "");
      this.file = target === "/dev/null" ? void 0 : unquote(target).replace(/^b\//, "");
      return;
    }
    if (line.startsWith("@@ ") && this.file !== void 0) {
      this.inHeader = false;
      this.hunk(line);
    }
  }
  addLine(bytes, start, end) {
    if (this.tooLarge) return;
    this.blockBytes += end - start;
    if (this.blockBytes > this.maxBlockBytes) {
      this.tooLarge = true;
      this.added = [];
      this.lines = [];
      return;
    }
    this.added.push(bytes.toString("utf8", start + 1, end));
    this.lines.push(this.nextLine++);
  }
  startCommit(header) {
    this.flush();
    this.file = void 0;
    this.inHeader = false;
    const [commit = "", date = "", ref = ""] = header.split(" ");
    this.commit = commit;
    this.date = date;
    this.ref = ref;
    this.stats.commits++;
  }
  hunk(line) {
    const plus = line.indexOf(" +");
    this.nextLine = Number.parseInt(line.slice(plus + 2), 10) || 1;
  }
  flush() {
    if (this.tooLarge) this.stats.skippedLargeBlocks++;
    else if (this.file !== void 0 && this.added.length > 0) {
      this.onBlock({ commit: this.commit, date: this.date, ref: this.ref, file: this.file, text: this.added.join("\n"), lines: this.lines });
    }
    this.added = [];
    this.lines = [];
    this.blockBytes = 0;
    this.tooLarge = false;
  }
};
var C_ESCAPES = /* @__PURE__ */ new Map([
  ["n", 10],
  ["t", 9],
  ["r", 13],
  ['"', 34],
  ["\\", 92]
]);
function unquote(path) {
  if (!path.startsWith('"')) return path;
  const body = path.slice(1, -1);
  const bytes = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const next = body[++i];
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(C_ESCAPES.get(next) ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString("utf8");
}

export {
  EXPOSURES,
  valueAt,
  GITLEAKS_CONFIG,
  loadScanPolicy,
  isAllowed,
  gitleaksFingerprint,
  loadGitleaksIgnore,
  loadBaseline,
  scanText,
  streamHistory
};
