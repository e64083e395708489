namespace MsmHelpdesk.Infrastructure.DemoData;

/// <summary>
/// The one seeded random source every demo generator draws from, so a seed always gives the same data. The
/// generators share it: the order of their draws is part of what a seed means.
/// </summary>
internal sealed class DemoRandom(Random random)
{
    public bool Chance(double probability) => random.NextDouble() < probability;

    public int Next(int maxValue) => random.Next(maxValue);

    public int Next(int minValue, int maxValue) => random.Next(minValue, maxValue);

    public long NextInt64(long maxValue) => random.NextInt64(maxValue);

    public double NextDouble() => random.NextDouble();

    public T Pick<T>(T[] items) => items[random.Next(items.Length)];

    public T Weighted<T>((T Item, int Weight)[] items)
    {
        var roll = random.Next(items.Sum(item => item.Weight));
        foreach (var (item, weight) in items)
        {
            if ((roll -= weight) < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    public DemoErrorVariant WeightedVariant(DemoErrorVariant[] variants, int total)
    {
        var roll = random.Next(total);
        foreach (var variant in variants)
        {
            if ((roll -= variant.Weight) < 0)
            {
                return variant;
            }
        }

        return variants[^1];
    }

    /// <summary>A version-7 id (time-ordered, like Guid.CreateVersion7) whose random part comes from the seed.</summary>
    public Guid Guid7(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes[6..]);
        var milliseconds = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
