using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace MsmHelpdesk.Domain.Classification;

/// <summary>
/// The shipped text models, trained once and stored in a file shipped next to this assembly (decision 0193) so that a
/// process loads them in
/// milliseconds instead of training them for tens of seconds. Stamped with a key — a hash of the corpus files' bytes,
/// the training settings and this format's version — and used only when that key is what the process would train on.
/// </summary>
/// <remarks>
/// Layout: "MSMTM", the format version, the key (uncompressed, so a stale file is recognised without reading on), then
/// Brotli: the union of the models' feature names once (sorted), and per model what <see cref="TextModel.Write"/> writes.
/// Weights are stored as the floats a model holds (format 2, decision 0199: training's doubles rounded once when the model
/// is built; format 1 stored the doubles), values and bias as doubles: the loaded models answer exactly as trained ones.
/// Regenerate with src/MsmHelpdesk.Domain/Classification/store-models.sh; StoredModelsTests fails while they are stale.
/// The key does not see a change in how a ticket is read (tokenizer, lexicon, catalogue code): that test does.
/// </remarks>
internal static class StoredModels
{
    public const int FormatVersion = 2;
    public const string FileName = "classifier-models.bin";
    private const string Magic = "MSMTM";

    /// <summary>
    /// The stored models shipped next to the application, or null when they are missing. Read through a file rather than
    /// embedded: a resource's pages would stay resident in the process's mapping of the assembly after the read.
    /// </summary>
    public static Stream? OpenShipped() => File.Exists(ShippedPath) ? File.OpenRead(ShippedPath) : null;

    public static string ShippedPath => Path.Combine(AppContext.BaseDirectory, FileName);

    /// <summary>SHA-256 (hex) of the format version, <paramref name="training"/> and each corpus file's name and bytes (<see cref="TrainingCorpus"/>).</summary>
    public static string CurrentKey(string training)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"format {FormatVersion}\n{training}\n"));
        foreach (var name in TrainingCorpus.Names())
        {
            using var stream = TrainingCorpus.Open(name);
            hash.AppendData(Encoding.UTF8.GetBytes($"{name} {stream.Length}\n"));
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer.AsSpan(0, read));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The stored models when <paramref name="stored"/> carries <paramref name="key"/>; otherwise <paramref name="train"/>'s,
    /// with why they were not loaded.
    /// </summary>
    public static (TextModel[] Models, string? WhyTrained) LoadOrTrain(Stream? stored, string key, Func<TextModel[]> train)
    {
        using (stored)
        {
            if (stored is null)
            {
                return (train(), $"no stored models at {ShippedPath}");
            }

            using var reader = new BinaryReader(stored, Encoding.UTF8, leaveOpen: true);
            var storedKey = ReadKey(reader);
            if (storedKey != key)
            {
                return (train(), $"the stored models' key {storedKey} is not today's {key} (corpus, settings or format changed)");
            }

            return (ReadModels(stored), null);
        }
    }

    /// <summary>The key of a stored-models stream, or a description of what the stream is instead.</summary>
    public static string ReadKey(BinaryReader reader)
    {
        var magic = Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length));
        if (magic != Magic)
        {
            return "(not a stored-models file)";
        }

        var format = reader.ReadInt32();
        return format == FormatVersion ? reader.ReadString() : $"(format {format})";
    }

    public static void Write(Stream output, string key, IReadOnlyList<TextModel> models)
    {
        using (var header = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true))
        {
            header.Write(Encoding.ASCII.GetBytes(Magic));
            header.Write(FormatVersion);
            header.Write(key);
        }

        using var compressed = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(compressed, Encoding.UTF8);
        var names = models.SelectMany(model => model.Names).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var ids = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        writer.Write(names.Length);
        foreach (var name in names)
        {
            ids[name] = ids.Count;
            writer.Write(name);
        }

        writer.Write(models.Count);
        foreach (var model in models)
        {
            model.Write(writer, ids);
        }
    }

    /// <summary>The models after the key (the stream positioned there).</summary>
    private static TextModel[] ReadModels(Stream stored)
    {
        using var reader = new BinaryReader(new BrotliStream(stored, CompressionMode.Decompress), Encoding.UTF8);
        var names = new string[reader.ReadInt32()];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.ReadString();
        }

        var models = new TextModel[reader.ReadInt32()];
        for (var m = 0; m < models.Length; m++)
        {
            models[m] = TextModel.Read(reader, names);
        }

        return models;
    }
}
