import type { SecretRule } from './types.js';
import { isNotASecret } from './types.js';

const DEFAULT_PASSWORDS = /^(?:pass(?:word)?|secret|postgres|root|admin|mysql|user|guest|mongo(?:db)?|redis)$/i;
const LOCAL_HOST = /^(?:localhost|127\.|0\.0\.0\.0|\[?::1\]?$|host\.docker\.internal)/;

/** Database connection URLs with a password: customer data. Peers: secretlint `database-connection-string`, trufflehog `uri`, `postgres`, `mongodb`, `redis`. */
export const DATABASE_RULES: SecretRule[] = [
  {
    id: 'database-url-password',
    title: 'Database URL with a password',
    keywords: ['://'],
    pattern:
      /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse)(?:\+[a-z0-9]{1,12})?:\/\/([^:/\s@'"]{0,64}):([^@\s/'"]{1,128})@([^\s/:'",?]{1,253})/g,
    secretGroup: 2,
    classify: (password, match) => {
      if (isNotASecret(password) || DEFAULT_PASSWORDS.test(password) || password === match[1] || /^[{$%]/.test(password)) return undefined;
      // A password for a database on this machine or a docker-compose service is a dev default: low.
      const host = match[3] ?? '';
      return LOCAL_HOST.test(host) || !host.includes('.') ? 'low' : 'blocker';
    },
    exposes: 'database',
    provider: 'the database',
  },
];
