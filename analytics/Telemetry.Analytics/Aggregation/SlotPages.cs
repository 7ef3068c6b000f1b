namespace Telemetry.Analytics.Aggregation;

/// <summary>
/// Values by dense slot number (a GPU's), in pages of <see cref="PageSlots"/> rather than one array: a fleet seen for
/// the first time adds a page as its slots arrive, instead of doubling, copying and dropping one array of every slot.
/// Values are read and written in place. A page, once added, never moves. Not thread-safe.
/// </summary>
internal struct SlotPages<T>(T[]?[] pages)
{
    /// <summary>Slots to a page.</summary>
    public const int PageSlots = 1 << PageShift;

    private const int PageShift = 10;

    // The pages by number; a null page has no slot yet.
    private T[]?[] _pages = pages;

    /// <summary>The slots the pages added so far could hold.</summary>
    public readonly int Capacity => _pages.Length * PageSlots;

    /// <summary>The value in this slot, whose page must have been added (<see cref="Add"/>).</summary>
    public readonly ref T this[int slot] => ref _pages[slot >> PageShift]![slot & (PageSlots - 1)];

    /// <summary>The pages that hold this many slots.</summary>
    public static int PagesFor(int slots) => (slots + PageSlots - 1) >> PageShift;

    /// <summary>The value in this slot, or a null reference where its page was not added yet.</summary>
    public readonly ref T Find(int slot)
    {
        var page = slot >> PageShift;
        if ((uint)page < (uint)_pages.Length && _pages[page] is { } values)
        {
            return ref values[slot & (PageSlots - 1)];
        }

        return ref System.Runtime.CompilerServices.Unsafe.NullRef<T>();
    }

    /// <summary>The value in this slot, its page added if it has none yet.</summary>
    public ref T Add(int slot)
    {
        var page = slot >> PageShift;
        if (page >= _pages.Length)
        {
            Array.Resize(ref _pages, Math.Max(page + 1, _pages.Length * 2));
        }

        return ref (_pages[page] ??= new T[PageSlots])[slot & (PageSlots - 1)];
    }

    /// <summary>Hands the pages over (to be given to another <see cref="SlotPages{T}"/>) and keeps none.</summary>
    public T[]?[] Release()
    {
        var pages = _pages;
        _pages = [];
        return pages;
    }
}
