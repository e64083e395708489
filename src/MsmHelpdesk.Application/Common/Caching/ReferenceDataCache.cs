namespace MsmHelpdesk.Application.Common.Caching;

/// <summary>
/// Reference data read once and kept (decision 0162): the commands that edit it call <see cref="Invalidate"/>; an edit
/// from another process (the CLI, another node) is picked up within <see cref="Recheck"/>.
/// </summary>
public abstract class ReferenceDataCache<T>
    where T : class
{
    public static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);
    private int _generation;
    private Entry? _entry;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    protected async Task<T> GetAsync(Func<Task<T>> load)
    {
        var generation = Volatile.Read(ref _generation);
        if (_entry is { } entry && entry.Generation == generation && Environment.TickCount64 - entry.LoadedAt < Recheck.TotalMilliseconds)
        {
            return entry.Value;
        }

        // Tagged with the generation read before loading: a value loaded across an edit is used once, never kept.
        var value = await load();
        _entry = new Entry(generation, Environment.TickCount64, value);
        return value;
    }

    private sealed record Entry(int Generation, long LoadedAt, T Value);
}
