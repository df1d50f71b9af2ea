namespace Tandem.Retrieval;

/// <summary>
/// The top right singular vectors of a sparse matrix (rows = documents, columns = terms) by
/// randomized range finding with power iterations (Halko, Martinsson, Tropp 2011), then an exact
/// eigendecomposition of the small projected matrix by cyclic Jacobi rotations. Seeded, so the
/// result is deterministic.
/// </summary>
public static class RandomizedSvd
{
    /// <summary>Returns V (columns × k, row-major) and the k singular values, largest first.</summary>
    public static (double[,] V, double[] Sigma) TopRightVectors(IReadOnlyList<(int[] Indices, float[] Values)> rows, int columns, int k,
        int oversample = 10, int powerIterations = 2, int seed = 7)
    {
        var l = Math.Min(k + oversample, Math.Min(rows.Count, columns));
        k = Math.Min(k, l);
        var random = new Random(seed);
        // Y = Aᵀ Ω, Ω gaussian (rows × l).
        var omega = new double[rows.Count, l];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < l; j++)
            {
                omega[i, j] = Gaussian(random);
            }
        }

        var y = TransposeTimes(rows, columns, omega);
        for (var q = 0; q < powerIterations; q++)
        {
            Orthonormalise(y);
            y = TransposeTimes(rows, columns, Times(rows, y));
        }

        Orthonormalise(y);
        // B = A Q (rows × l); C = Bᵀ B (l × l) = Q' Aᵀ A Q; its eigenvectors W give V = Q W.
        var b = Times(rows, y);
        var c = new double[l, l];
        for (var i = 0; i < l; i++)
        {
            for (var j = i; j < l; j++)
            {
                double s = 0;
                for (var r = 0; r < rows.Count; r++)
                {
                    s += b[r, i] * b[r, j];
                }

                c[i, j] = c[j, i] = s;
            }
        }

        var (values, vectors) = JacobiEigen(c);
        var order = Enumerable.Range(0, l).OrderByDescending(i => values[i]).Take(k).ToArray();
        var v = new double[columns, k];
        for (var t = 0; t < columns; t++)
        {
            for (var j = 0; j < k; j++)
            {
                double s = 0;
                for (var m = 0; m < l; m++)
                {
                    s += y[t, m] * vectors[m, order[j]];
                }

                v[t, j] = s;
            }
        }

        return (v, order.Select(i => Math.Sqrt(Math.Max(0, values[i]))).ToArray());
    }

    /// <summary>Eigenvalues and eigenvectors (columns) of a symmetric matrix by cyclic Jacobi rotations.</summary>
    public static (double[] Values, double[,] Vectors) JacobiEigen(double[,] matrix, int maxSweeps = 50)
    {
        var n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var v = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            v[i, i] = 1;
        }

        for (var sweep = 0; sweep < maxSweeps; sweep++)
        {
            double off = 0, total = 0;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    total += a[i, j] * a[i, j];
                    if (i != j)
                    {
                        off += a[i, j] * a[i, j];
                    }
                }
            }

            if (off <= 1e-22 * Math.Max(total, 1e-300))
            {
                break;
            }

            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300)
                    {
                        continue;
                    }

                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0)
                    {
                        t = 1;
                    }

                    var cos = 1 / Math.Sqrt(t * t + 1);
                    var sin = t * cos;
                    for (var r = 0; r < n; r++)
                    {
                        var arp = a[r, p];
                        var arq = a[r, q];
                        a[r, p] = cos * arp - sin * arq;
                        a[r, q] = sin * arp + cos * arq;
                    }

                    for (var r = 0; r < n; r++)
                    {
                        var apr = a[p, r];
                        var aqr = a[q, r];
                        a[p, r] = cos * apr - sin * aqr;
                        a[q, r] = sin * apr + cos * aqr;
                    }

                    for (var r = 0; r < n; r++)
                    {
                        var vrp = v[r, p];
                        var vrq = v[r, q];
                        v[r, p] = cos * vrp - sin * vrq;
                        v[r, q] = sin * vrp + cos * vrq;
                    }
                }
            }
        }

        return (Enumerable.Range(0, n).Select(i => a[i, i]).ToArray(), v);
    }

    private static double[,] TransposeTimes(IReadOnlyList<(int[] Indices, float[] Values)> rows, int columns, double[,] m)
    {
        var l = m.GetLength(1);
        var result = new double[columns, l];
        for (var r = 0; r < rows.Count; r++)
        {
            var (indices, values) = rows[r];
            for (var e = 0; e < indices.Length; e++)
            {
                var c = indices[e];
                var x = values[e];
                for (var j = 0; j < l; j++)
                {
                    result[c, j] += x * m[r, j];
                }
            }
        }

        return result;
    }

    private static double[,] Times(IReadOnlyList<(int[] Indices, float[] Values)> rows, double[,] m)
    {
        var l = m.GetLength(1);
        var result = new double[rows.Count, l];
        for (var r = 0; r < rows.Count; r++)
        {
            var (indices, values) = rows[r];
            for (var e = 0; e < indices.Length; e++)
            {
                var c = indices[e];
                var x = values[e];
                for (var j = 0; j < l; j++)
                {
                    result[r, j] += x * m[c, j];
                }
            }
        }

        return result;
    }

    /// <summary>Modified Gram-Schmidt on the columns, in place.</summary>
    private static void Orthonormalise(double[,] m)
    {
        int n = m.GetLength(0), l = m.GetLength(1);
        for (var j = 0; j < l; j++)
        {
            for (var i = 0; i < j; i++)
            {
                double dot = 0;
                for (var r = 0; r < n; r++)
                {
                    dot += m[r, i] * m[r, j];
                }

                for (var r = 0; r < n; r++)
                {
                    m[r, j] -= dot * m[r, i];
                }
            }

            double norm = 0;
            for (var r = 0; r < n; r++)
            {
                norm += m[r, j] * m[r, j];
            }

            norm = Math.Sqrt(norm);
            for (var r = 0; r < n; r++)
            {
                m[r, j] = norm > 1e-12 ? m[r, j] / norm : 0;
            }
        }
    }

    private static double Gaussian(Random random)
    {
        // Box-Muller.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
