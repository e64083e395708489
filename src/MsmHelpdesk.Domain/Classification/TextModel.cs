using System.Numerics;
using System.Runtime.Intrinsics;

namespace MsmHelpdesk.Domain.Classification;

/// <summary>
/// A multinomial logistic regression over a ticket's text features (normalised words, negated words, word pairs):
/// the part of the classifier that reads phrasings no rule names. Hand-sized on purpose: a few hundred tickets,
/// a few thousand features, trained in well under a second, with no package behind it (see decision 0100).
/// </summary>
/// <remarks>
/// Training is full-batch gradient descent with AdaGrad steps and L2 decay, in a fixed order with no random
/// numbers, so the same examples always give the same weights on every machine and run.
/// </remarks>
internal sealed class TextModel
{
    private readonly string[] _names; // per column, in ordinal order: the features are looked up in a FeatureSpace
    private readonly float[] _weights; // feature-major: _weights[feature * Classes + class]; rounded once from training's doubles (decision 0199)
    private readonly double[] _bias;
    private readonly double[] _values; // per feature: how much one occurrence counts (character grams less than words)

    private TextModel(string[] names, float[] weights, double[] bias, int classes, double[] values)
    {
        _values = values;
        _names = names;
        _weights = weights;
        _bias = bias;
        Classes = classes;
    }

    public int Classes { get; }

    public int FeatureCount => _names.Length;

    /// <summary>The features by column, in ordinal order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>A model that knows no feature and has no preference: logits all zero.</summary>
    public static TextModel Empty(int classes) => new([], [], new double[classes], classes, []);

    /// <summary>The column of a feature, or -1 when training never saw it (often enough). Not for the hot path: see <see cref="FeatureSpace"/>.</summary>
    public int IndexOf(string feature) => Array.BinarySearch(_names, feature, StringComparer.Ordinal) is var column and >= 0 ? column : -1;

    /// <summary>The label's bias (its logit when no feature is present).</summary>
    public double Bias(int label) => _bias[label];

    /// <summary>What the feature adds to the label's logit (the float weight widened, then multiplied in double as in <see cref="AddRow"/>).</summary>
    public double Weight(int feature, int label) => _values[feature] * _weights[feature * Classes + label];

    /// <summary>Adds the bias and the weights of the present features (each once) to <paramref name="logits"/>.</summary>
    public void AddLogits(ReadOnlySpan<int> features, Span<double> logits)
    {
        for (var k = 0; k < Classes; k++)
        {
            logits[k] += _bias[k];
        }

        foreach (var feature in features)
        {
            AddRow(feature, logits);
        }
    }

    /// <summary>
    /// As <see cref="AddLogits(ReadOnlySpan{int}, Span{double})"/> for features given by shared ids (sorted, each once) and
    /// this model's <paramref name="columns"/> by shared id; features the model does not know (-1) add nothing.
    /// </summary>
    public void AddLogits(ReadOnlySpan<int> ids, ReadOnlySpan<int> columns, Span<double> logits)
    {
        for (var k = 0; k < Classes; k++)
        {
            logits[k] += _bias[k];
        }

        foreach (var id in ids)
        {
            if (columns[id] is var column and >= 0)
            {
                AddRow(column, logits);
            }
        }
    }

    /// <summary>
    /// logits[k] += value × weight[k], several classes at a time: each logit still gets one product and one addition per
    /// feature, in the same order and with the same roundings (no fused multiply-add), so the sums are bit-identical to a
    /// plain loop (decision 0197). The weights are floats, widened exactly to double; the sum stays in double (decision 0199).
    /// </summary>
    private void AddRow(int feature, Span<double> logits)
    {
        var row = _weights.AsSpan(feature * Classes, Classes);
        var value = _values[feature];
        var k = 0;
        if (Vector.IsHardwareAccelerated && Classes >= Vector<float>.Count)
        {
            var scale = new Vector<double>(value);
            for (; k <= Classes - Vector<float>.Count; k += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(row[k..]), out var low, out var high);
                var upper = k + Vector<double>.Count;
                (new Vector<double>(logits[k..]) + scale * low).CopyTo(logits[k..]);
                (new Vector<double>(logits[upper..]) + scale * high).CopyTo(logits[upper..]);
            }

            if (Vector<double>.Count == Vector128<float>.Count && k <= Classes - Vector128<float>.Count)
            {
                // Four classes left of a row (the cause models' 12 = 8 + 4 with AVX2): four floats widened into one vector of doubles.
                var quarter = Vector128.Create(row.Slice(k, Vector128<float>.Count));
                var wide = Vector256.Create(Vector128.WidenLower(quarter), Vector128.WidenUpper(quarter)).AsVector();
                (new Vector<double>(logits[k..]) + scale * wide).CopyTo(logits[k..]);
                k += Vector128<float>.Count;
            }
        }

        for (; k < Classes; k++)
        {
            logits[k] += value * row[k];
        }
    }

    /// <summary>
    /// Fits the model. Features seen in fewer than <paramref name="minimumCount"/> examples are dropped: a word
    /// met once says more about its writer than about the cause. <paramref name="valueOf"/> says how much one
    /// occurrence of a feature counts (1 when null).
    /// </summary>
    public static TextModel Train(IReadOnlyList<(IReadOnlyCollection<string> Features, int Label)> examples, int classes,
        int minimumCount = 2, double l2 = 0.002, int epochs = 150, double learningRate = 0.3, Func<string, double>? valueOf = null)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (features, _) in examples)
        {
            foreach (var feature in features.Distinct(StringComparer.Ordinal))
            {
                counts[feature] = counts.GetValueOrDefault(feature) + 1;
            }
        }

        // Columns in ordinal order of the feature names: the weights do not depend on dictionary internals.
        var names = counts.Where(pair => pair.Value >= minimumCount).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in names)
        {
            index[feature] = index.Count;
        }

        var values = new double[index.Count];
        foreach (var (feature, column) in index)
        {
            values[column] = valueOf?.Invoke(feature) ?? 1.0;
        }

        var rows = examples
            .Select(example => (Features: example.Features.Where(index.ContainsKey).Select(f => index[f]).Distinct().Order().ToArray(), example.Label))
            .ToArray();
        var weights = new double[index.Count * classes];
        var bias = new double[classes];
        var squared = new double[weights.Length];
        var biasSquared = new double[classes];
        var gradient = new double[weights.Length];
        var biasGradient = new double[classes];
        var probabilities = new double[classes];
        var n = (double)Math.Max(1, rows.Length);

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Array.Clear(gradient);
            Array.Clear(biasGradient);
            foreach (var (features, label) in rows)
            {
                Array.Copy(bias, probabilities, classes);
                foreach (var feature in features)
                {
                    for (var k = 0; k < classes; k++)
                    {
                        probabilities[k] += values[feature] * weights[feature * classes + k];
                    }
                }

                Softmax(probabilities);
                probabilities[label] -= 1;
                for (var k = 0; k < classes; k++)
                {
                    biasGradient[k] += probabilities[k] / n;
                }

                foreach (var feature in features)
                {
                    for (var k = 0; k < classes; k++)
                    {
                        gradient[feature * classes + k] += values[feature] * probabilities[k] / n;
                    }
                }
            }

            for (var i = 0; i < weights.Length; i++)
            {
                var g = gradient[i] + l2 * weights[i];
                squared[i] += g * g;
                weights[i] -= learningRate * g / (Math.Sqrt(squared[i]) + 1e-8);
            }

            for (var k = 0; k < classes; k++)
            {
                biasSquared[k] += biasGradient[k] * biasGradient[k];
                bias[k] -= learningRate * biasGradient[k] / (Math.Sqrt(biasSquared[k]) + 1e-8);
            }
        }

        // Training's weights rounded to float, once (to nearest): a trained and a loaded model hold the same floats.
        return new TextModel(names, Array.ConvertAll(weights, weight => (float)weight), bias, classes, values);
    }

    /// <summary>
    /// Every field, for <see cref="StoredModels"/>: the classes, the columns' names as ids in the shared name table
    /// (ascending, so as gaps), then the values and bias as the doubles they are and the weights as the floats they are.
    /// </summary>
    public void Write(BinaryWriter writer, IReadOnlyDictionary<string, int> nameIds)
    {
        writer.Write(Classes);
        writer.Write(_names.Length);
        var previous = -1;
        foreach (var name in _names)
        {
            var id = nameIds[name];
            writer.Write7BitEncodedInt(id - previous);
            previous = id;
        }

        foreach (var array in (double[][])[_values, _bias])
        {
            foreach (var value in array)
            {
                writer.Write(value);
            }
        }

        foreach (var weight in _weights)
        {
            writer.Write(weight);
        }
    }

    /// <summary>A model as <see cref="Write"/> wrote it; <paramref name="names"/> is the shared name table (its strings are shared too).</summary>
    public static TextModel Read(BinaryReader reader, IReadOnlyList<string> names)
    {
        var classes = reader.ReadInt32();
        var columns = new string[reader.ReadInt32()];
        var id = -1;
        for (var column = 0; column < columns.Length; column++)
        {
            id += reader.Read7BitEncodedInt();
            columns[column] = names[id];
        }

        var values = ReadDoubles(reader, columns.Length);
        var bias = ReadDoubles(reader, classes);
        var weights = new float[columns.Length * classes];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = reader.ReadSingle();
        }

        return new TextModel(columns, weights, bias, classes, values);
    }

    private static double[] ReadDoubles(BinaryReader reader, int count)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadDouble();
        }

        return values;
    }

    /// <summary>In place: logits → probabilities.</summary>
    public static void Softmax(Span<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var value in values)
        {
            max = Math.Max(max, value);
        }

        var sum = 0.0;
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = Math.Exp(values[k] - max);
            sum += values[k];
        }

        for (var k = 0; k < values.Length; k++)
        {
            values[k] /= sum;
        }
    }
}
