'use strict';

function applyCoupon(total, coupon, now = new Date()) {
  if (!coupon) {
    return total;
  }
  if (coupon.expiresAt < now) {
    return total;
  }
  const off = coupon.percent ? (total * coupon.percent) / 100 : coupon.amount;
  return Math.max(0, total - off);
}

module.exports = { applyCoupon };
