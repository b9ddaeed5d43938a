const { applyCoupon } = require('../src/coupon');

describe('applyCoupon', () => {
  test('no coupon keeps the total', () => {
    expect(applyCoupon(50, null)).toBe(50);
  });

  test('percent coupon', () => {
    const coupon = { percent: 10, expiresAt: new Date('2999-01-01') };
    expect(applyCoupon(200, coupon)).toBeLessThan(200);
  });

  test('amount coupon never goes below zero', () => {
    const coupon = { amount: 80, expiresAt: new Date('2999-01-01') };
    expect(applyCoupon(50, coupon)).toBe(0);
  });
});
