using System.Globalization;

namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>A text input or textarea for the NHS field partials (Shared/Components/_TextInput, _Textarea).</summary>
public sealed record TextField(string Name, string Label, string? Value)
{
    public string? Hint { get; init; }

    /// <summary>Shows the NHS character count under the input or textarea, and is the number it counts to: pass the domain's limit.</summary>
    public int? MaxLength { get; init; }

    public int Rows { get; init; } = 5;

    /// <summary>"nhsuk-label--m" and the like; empty for a plain label.</summary>
    public string LabelClass { get; init; } = "";

    /// <summary>Wraps the label in a h1: the field is the page's question.</summary>
    public bool IsPageHeading { get; init; }

    /// <summary>"nhsuk-input--width-10" and the like.</summary>
    public string WidthClass { get; init; } = "";

    public string? Prefix { get; init; }

    public string? InputMode { get; init; }

    public string? Autocomplete { get; init; }

    public bool Spellcheck { get; init; } = true;

    /// <summary>The input's type: "text", "email", "tel"…</summary>
    public string Type { get; init; } = "text";

    /// <summary>A code someone copies from elsewhere (an authenticator's six digits): the NHS code style.</summary>
    public bool IsCode { get; init; }
}

/// <summary>An NHS.UK password input (components/password-input, with its Show button) for Components/_PasswordInput.</summary>
public sealed record PasswordField(string Name, string Label, string Autocomplete)
{
    public string? Hint { get; init; }

    /// <summary>
    /// The "Show" button. Off on the sign-in page, where the field must be the only thing labelled "Password"
    /// (the button's label is "Show password") for tools that find fields by their label.
    /// </summary>
    public bool CanShow { get; init; } = true;
}

/// <summary>Radios or checkboxes for the NHS partials (Shared/Components/_Radios, _Checkboxes).</summary>
public sealed record ChoiceField(string Name, string Legend, IReadOnlyList<Choice> Choices)
{
    public string? Hint { get; init; }

    public string LegendClass { get; init; } = "nhsuk-fieldset__legend--m";

    public bool IsPageHeading { get; init; }

    public bool Small { get; init; }

    public bool Inline { get; init; }
}

public sealed record Choice(string Value, string Label, bool Selected, string? Hint = null);

/// <summary>An NHS date input: Day, Month and Year under one name ("Form.DecidedOn.Day").</summary>
public sealed record DateField(string Name, string Legend, DateParts? Value)
{
    public string? Hint { get; init; }

    public string LegendClass { get; init; } = "nhsuk-fieldset__legend--m";
}

/// <summary>What someone typed into a date input, kept as typed so a wrong date is shown back to them.</summary>
public sealed record DateParts
{
    public string? Day { get; init; }

    public string? Month { get; init; }

    public string? Year { get; init; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly date) => new()
    {
        Day = date.Day.ToString(CultureInfo.InvariantCulture),
        Month = date.Month.ToString(CultureInfo.InvariantCulture),
        Year = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    public bool TryGetDate(out DateOnly date) => UkTime.TryParseDate(Day, Month, Year, out date);
}
