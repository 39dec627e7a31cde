import type { SecretRule } from './types.js';

/** Stripe and Shopify: a leak here lets someone move money or read orders, so checkout breaks too. */
export const PAYMENT_RULES: SecretRule[] = [
  {
    id: 'stripe-access-token',
    title: 'Stripe secret or restricted key',
    keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
    pattern: /(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[A-Za-z0-9]{20,247}(?![A-Za-z0-9])/g,
    // Test-mode keys move no money, but they still show the live key's neighbourhood: low.
    classify: (secret) => (secret.slice(3, 7) === 'test' ? 'low' : 'blocker'),
    paths: ['checkout'],
  },
  { id: 'stripe-webhook-secret', title: 'Stripe webhook signing secret', keywords: ['whsec_'], pattern: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/]{24,88}={0,2}(?![A-Za-z0-9+/=])/g, severity: 'blocker', paths: ['checkout'] },
  { id: 'shopify-access-token', title: 'Shopify access token', keywords: ['shpat_', 'shpca_', 'shppa_'], pattern: /(?<![A-Za-z0-9_])shp(?:at|ca|pa)_[a-fA-F0-9]{32}(?![A-Za-z0-9])/g, severity: 'blocker', paths: ['checkout'] },
  { id: 'shopify-shared-secret', title: 'Shopify app shared secret', keywords: ['shpss_'], pattern: /(?<![A-Za-z0-9_])shpss_[a-fA-F0-9]{32}(?![A-Za-z0-9])/g, severity: 'blocker', paths: ['checkout'] },
];
