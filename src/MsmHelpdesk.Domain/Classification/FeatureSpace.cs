namespace MsmHelpdesk.Domain.Classification;

/// <summary>
/// The features of all the text models in one index: a feature's text is looked up once per call, not once per model,
/// and each model maps the shared id to its own column (decision 0188).
/// </summary>
/// <remarks>
/// Ids follow the ordinal order of the feature names, as each model's columns do, so sorted ids give sorted columns:
/// a model sums its weights in the same order as when it looked its features up itself, and its logits are identical.
/// </remarks>
internal sealed class FeatureSpace
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[][] _columns; // per model: shared id → the model's column, or -1

    private FeatureSpace(Dictionary<string, int> index, int[][] columns)
    {
        _lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        _columns = columns;
        Count = index.Count;
    }

    /// <summary>How many distinct features the models know together.</summary>
    public int Count { get; }

    public static FeatureSpace Of(IReadOnlyList<TextModel> models)
    {
        var names = models.SelectMany(model => model.Names).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        foreach (var name in names)
        {
            index[name] = index.Count;
        }

        var columns = new int[models.Count][];
        for (var m = 0; m < models.Count; m++)
        {
            var map = columns[m] = new int[names.Length];
            Array.Fill(map, -1);
            var modelNames = models[m].Names;
            for (var column = 0; column < modelNames.Count; column++)
            {
                map[index[modelNames[column]]] = column;
            }
        }

        return new FeatureSpace(index, columns);
    }

    /// <summary>The shared id of a feature, or -1 when no model knows it.</summary>
    public int Find(ReadOnlySpan<char> feature) => _lookup.TryGetValue(feature, out var id) ? id : -1;

    /// <summary>Model <paramref name="model"/>'s column of a shared id, or -1 when that model does not know the feature.</summary>
    public int Column(int model, int id) => _columns[model][id];

    /// <summary>Model <paramref name="model"/>'s columns by shared id.</summary>
    public ReadOnlySpan<int> Columns(int model) => _columns[model];
}
