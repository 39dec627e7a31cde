import type { SecretRule } from './types.js';
import { assigned, near } from './types.js';

const STRIPE = { exposes: 'payments', provider: 'Stripe', revokeAt: 'https://dashboard.stripe.com/apikeys', paths: ['checkout'] } as const;
const SHOPIFY = { exposes: 'payments', provider: 'Shopify', revokeAt: 'https://admin.shopify.com/settings/apps/development', paths: ['checkout'] } as const;
const SQUARE = { exposes: 'payments', provider: 'Square', revokeAt: 'https://developer.squareup.com/apps', paths: ['checkout'] } as const;
const PAYPAL = {
  exposes: 'payments',
  provider: 'PayPal/Braintree',
  revokeAt: 'https://developer.paypal.com/dashboard/applications',
  paths: ['checkout'],
} as const;

/** Stripe, Shopify, Square, PayPal and Braintree: a leak here lets someone move money or read orders, so checkout breaks too. */
export const PAYMENT_RULES: SecretRule[] = [
  {
    // gitleaks `stripe-access-token`: `sk_`/`rk_` of live, test and prod environments, 10–99 chars after the prefix.
    id: 'stripe-access-token',
    title: 'Stripe secret or restricted key',
    keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_', 'sk_prod_', 'rk_prod_'],
    pattern: /(?<![A-Za-z0-9_])[sr]k_(?:live|test|prod)_[A-Za-z0-9]{10,247}(?![A-Za-z0-9])/g,
    // Test-mode keys move no money but read test customers and show how the live key is used: high, not a blocker.
    classify: (secret) => (secret.length < 32 ? undefined : secret.slice(3, 7) === 'test' ? 'high' : 'blocker'),
    ...STRIPE,
  },
  {
    id: 'stripe-webhook-secret',
    title: 'Stripe webhook signing secret',
    keywords: ['whsec_'],
    pattern: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/]{24,88}={0,2}(?![A-Za-z0-9+/=])/g,
    severity: 'blocker',
    ...STRIPE,
    revokeAt: 'https://dashboard.stripe.com/webhooks',
  },
  // Shopify tokens have alphanumeric bodies since 2024 (secretlint `shopify` snapshots), hex before.
  {
    id: 'shopify-access-token',
    title: 'Shopify access token',
    keywords: ['shpat_', 'shpca_', 'shppa_'],
    pattern: /(?<![A-Za-z0-9_])shp(?:at|ca|pa)_[A-Za-z0-9]{32}(?![A-Za-z0-9])/g,
    severity: 'blocker',
    ...SHOPIFY,
  },
  {
    id: 'shopify-shared-secret',
    title: 'Shopify app shared secret',
    keywords: ['shpss_'],
    pattern: /(?<![A-Za-z0-9_])shpss_[A-Za-z0-9]{32}(?![A-Za-z0-9])/g,
    severity: 'blocker',
    ...SHOPIFY,
  },
  // gitleaks `square-access-token` (`EAAA`, `sq0atp-`) and `square-secret` (`sq0csp-`); trufflehog `squareapp` (`sq0i..-`, `sq0c..-`, sandbox).
  {
    id: 'square-access-token',
    title: 'Square access token',
    keywords: ['sq0atp-'],
    pattern: /(?<![A-Za-z0-9_-])sq0atp-[A-Za-z0-9_-]{22,60}(?![A-Za-z0-9_-])/g,
    severity: 'blocker',
    ...SQUARE,
  },
  // `EAAA` alone is too short a prefix to trust: only near the word "square" (trufflehog `square`).
  {
    id: 'square-access-token-named',
    title: 'Square access token',
    keywords: ['square'],
    pattern: near('square', 'EAAA[A-Za-z0-9_+=-]{60}'),
    severity: 'blocker',
    ...SQUARE,
  },
  {
    id: 'square-secret',
    title: 'Square application secret',
    keywords: ['sq0c'],
    pattern: /(?<![A-Za-z0-9_-])(?:sandbox-)?sq0c[a-z]{2}-[A-Za-z0-9_-]{40,50}(?![A-Za-z0-9_-])/g,
    classify: (s) => (s.startsWith('sandbox-') ? 'high' : 'blocker'),
    ...SQUARE,
  },
  {
    // `access_token$production$<merchant>$<hex>`: a Braintree/PayPal gateway token (gitleaks and trufflehog `braintree`).
    id: 'braintree-access-token',
    title: 'Braintree (PayPal) gateway access token',
    keywords: ['access_token$'],
    pattern: /access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}/g,
    classify: (s) => (s.includes('$sandbox$') ? 'high' : 'blocker'),
    ...PAYPAL,
  },
  {
    id: 'braintree-private-key',
    title: 'Braintree private key',
    keywords: ['braintree'],
    pattern: near('braintree', '[0-9a-f]{32}'),
    severity: 'blocker',
    ...PAYPAL,
  },
  {
    id: 'paypal-client-secret',
    title: 'PayPal client secret',
    keywords: ['paypal'],
    pattern: near('paypal', '[A-Za-z0-9_.-]{7}-[A-Za-z0-9_.]{72}|[A-Za-z0-9_.-]{44,80}'),
    severity: 'blocker',
    ...PAYPAL,
  },
  {
    id: 'paypal-client-secret-named',
    title: 'PayPal client secret',
    keywords: ['paypal'],
    pattern: assigned('paypal[\\w.-]{0,20}secret', '[A-Za-z0-9_-]{40,90}'),
    severity: 'blocker',
    ...PAYPAL,
  },
];
