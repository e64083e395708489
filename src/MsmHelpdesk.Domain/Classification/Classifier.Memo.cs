using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace MsmHelpdesk.Domain.Classification;

/// <summary>
/// What the classifier works out about a word the same way every time, remembered across calls (decision 0197): how an
/// unknown word resolves (affixes, typos) and which of the models' character grams a word has. Pure functions of the
/// word and of this instance's tables, which do not change after construction, so a remembered answer is the answer.
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="MemoCapacity"/> words each (about 1.2 MiB together when full), emptied when full (the
/// corpora's 9,100 distinct words: their 4,096 most frequent cover 97.7 % of their 335,000 words). Shared by the
/// threads that classify (lock-free reads; two threads may both work a new word out, and add the same answer).
/// </remarks>
public sealed partial class Classifier
{
    /// <summary>How many words each memo holds before it is emptied; 0 remembers nothing (for tests).</summary>
    internal int MemoCapacity { get; init; } = 4096;

    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _resolved =
        new ConcurrentDictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _gramIds =
        new ConcurrentDictionary<string, int[]>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private int _resolvedCount;
    private int _gramIdsCount;

    /// <summary>Every classifier alive in the process, weakly held, so an idle process can empty their memos.</summary>
    private static readonly ConditionalWeakTable<Classifier, object?> Alive = [];

    /// <summary>How many words this classifier's memos hold now (both together).</summary>
    internal int RememberedWords => _resolved.Dictionary.Count + _gramIds.Dictionary.Count;

    /// <summary>
    /// Empties the memos of every classifier in the process; they fill again from the next tickets. The web host's idle
    /// trim calls it, so a quiet process does not keep up to ~1.2 MiB of remembered words per classifier.
    /// </summary>
    public static void ForgetRememberedWords()
    {
        foreach (var (classifier, _) in Alive)
        {
            classifier.Forget();
        }
    }

    private void Forget()
    {
        Empty(_resolved, ref _resolvedCount);
        Empty(_gramIds, ref _gramIdsCount);
    }

    private static void Empty<T>(ConcurrentDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> memo, ref int count)
    {
        memo.Dictionary.Clear();
        Volatile.Write(ref count, 0);
    }

    /// <summary>Adds a word's answer; a full memo is emptied first, so that it follows the words of the tickets of the day.</summary>
    private void Remember<T>(ConcurrentDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> memo, ref int count, ReadOnlySpan<char> word, T value)
    {
        if (MemoCapacity <= 0)
        {
            return;
        }

        if (Volatile.Read(ref count) >= MemoCapacity)
        {
            Empty(memo, ref count);
        }

        if (memo.TryAdd(word, value))
        {
            Interlocked.Increment(ref count);
        }
    }

    /// <summary>"&lt;word&gt;" cut into 3-, 4- and 5-grams; the markers let a gram say it starts or ends a word.</summary>
    private void AddCharGrams(ReadOnlySpan<char> name, int index, Work work, bool strings)
    {
        if (strings)
        {
            Grams(name, index, work, null);
            return;
        }

        if (!_gramIds.TryGetValue(name, out var ids))
        {
            var found = work.GramIds;
            found.Clear();
            Grams(name, index, work, found);
            ids = [.. found];
            Remember(_gramIds, ref _gramIdsCount, name, ids);
        }

        foreach (var id in ids)
        {
            work.Mark(id);
        }
    }

    /// <summary>The grams of a word, as strings into the work's features (training) or as the shared ids the models know into <paramref name="ids"/>.</summary>
    private void Grams(ReadOnlySpan<char> name, int index, Work work, List<int>? ids)
    {
        var padded = Work.Room(ref work.Padded, name.Length + 2)[..(name.Length + 2)];
        padded[0] = '<';
        name.CopyTo(padded[1..]);
        padded[^1] = '>';
        var key = Work.Room(ref work.Key, CharGramPrefix.Length + 5);
        CharGramPrefix.CopyTo(key);
        for (var n = 3; n <= 5; n++)
        {
            for (var start = 0; start + n <= padded.Length; start++)
            {
                padded.Slice(start, n).CopyTo(key[CharGramPrefix.Length..]);
                var gram = key[..(CharGramPrefix.Length + n)];
                if (ids is null)
                {
                    work.Features.Add((new string(gram), index, index));
                }
                else if (_space.Find(gram) is var id and >= 0)
                {
                    ids.Add(id);
                }
            }
        }
    }
}
