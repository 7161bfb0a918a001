/**
 * `Double.toString` as Java prints it, for composite texts such as `Score ${x / 2}` (Java prints
 * `2.0`, not `2`). Digits come from JavaScript's shortest round-trip form; Java 19+ uses the same
 * shortest-digits algorithm (Raffaello Giulietti's), so the two agree.
 */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const plain = String(d);
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  // Scientific: JavaScript gives `1.5e+21`, Java `1.5E21`; Java always keeps one fractional digit.
  const [mantissa = '', exponent = ''] = d.toExponential().split('e');
  const withFraction = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${withFraction}E${exponent.replace('+', '')}`;
}
