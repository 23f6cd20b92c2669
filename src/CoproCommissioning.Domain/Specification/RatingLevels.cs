namespace CoproCommissioning.Domain.Specification;

/// <summary>What each rating level means for one outcome, from poor to outstanding.</summary>
public sealed record RatingLevels(string Poor, string Fair, string Good, string Stretch, string Outstanding)
{
    public const int DescriptionMaxLength = 500;

    public static RatingLevels Empty { get; } = new("", "", "", "", "");

    public string Describe(RatingLevel level) => level switch
    {
        RatingLevel.Poor => Poor,
        RatingLevel.Fair => Fair,
        RatingLevel.Good => Good,
        RatingLevel.Stretch => Stretch,
        RatingLevel.Outstanding => Outstanding,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a rating level."),
    };

    internal IEnumerable<string> All => [Poor, Fair, Good, Stretch, Outstanding];

    internal RatingLevels Cleaned() => new(
        TextInput.Clean(Poor), TextInput.Clean(Fair), TextInput.Clean(Good), TextInput.Clean(Stretch), TextInput.Clean(Outstanding));
}
