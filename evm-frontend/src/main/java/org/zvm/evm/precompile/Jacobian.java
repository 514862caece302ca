// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.math.BigInteger;

/**
 * A point (X/Z², Y/Z³) on a curve y² = x³ + b over field F (Z = 0 is the point at infinity), so
 * that additions and doublings need no field inversion; only {@link #affine} inverts.
 */
record Jacobian<T>(Field<T> f, T x, T y, T z) {
    /** An affine point; null stands for the point at infinity. */
    record Affine<T>(T x, T y) {
    }

    static <T> Jacobian<T> infinity(Field<T> f) {
        return new Jacobian<>(f, f.one(), f.one(), f.zero());
    }

    /** k·p by double-and-add. */
    static <T> Affine<T> multiply(Field<T> f, Affine<T> p, BigInteger k) {
        Jacobian<T> r = infinity(f);
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            r = r.twice();
            if (k.testBit(i)) {
                r = r.plus(p);
            }
        }
        return r.affine();
    }

    boolean isInfinity() {
        return f.isZero().test(z);
    }

    /** dbl-2009-l (curve coefficient a = 0). */
    Jacobian<T> twice() {
        if (isInfinity()) {
            return this;
        }
        T a = square(x);
        T b = square(y);
        T c = square(b);
        T d = sub(sub(square(add(x, b)), a), c);
        d = add(d, d);
        T e = add(add(a, a), a);
        T x3 = sub(sub(square(e), d), d);
        T c8 = add(c, c);
        c8 = add(c8, c8);
        c8 = add(c8, c8);
        T yz = mul(y, z);
        return new Jacobian<>(f, x3, sub(mul(e, sub(d, x3)), c8), add(yz, yz));
    }

    /** madd-2007-bl: plus an affine point, with the equal, opposite and infinite cases the formula cannot take. */
    Jacobian<T> plus(Affine<T> q) {
        if (q == null) {
            return this;
        }
        if (isInfinity()) {
            return new Jacobian<>(f, q.x(), q.y(), f.one());
        }
        T zz = square(z);
        T h = sub(mul(q.x(), zz), x);
        T r = sub(mul(mul(q.y(), z), zz), y);
        if (f.isZero().test(h)) {
            return f.isZero().test(r) ? twice() : infinity(f);
        }
        r = add(r, r);
        T hh = square(h);
        T i = add(hh, hh);
        i = add(i, i);
        T j = mul(h, i);
        T v = mul(x, i);
        T x3 = sub(sub(sub(square(r), j), v), v);
        T yj = mul(y, j);
        T z3 = sub(sub(square(add(z, h)), zz), hh);
        return new Jacobian<>(f, x3, sub(sub(mul(r, sub(v, x3)), yj), yj), z3);
    }

    Affine<T> affine() {
        if (isInfinity()) {
            return null;
        }
        T zi = f.inverse().apply(z);
        T zi2 = square(zi);
        return new Affine<>(mul(x, zi2), mul(mul(y, zi2), zi));
    }

    private T add(T a, T b) {
        return f.add().apply(a, b);
    }

    private T sub(T a, T b) {
        return f.sub().apply(a, b);
    }

    private T mul(T a, T b) {
        return f.mul().apply(a, b);
    }

    private T square(T a) {
        return f.square().apply(a);
    }
}
