namespace CoproCommissioning.Web.Areas.Identity.Pages.Shared;

/// <summary>An NHS.UK text input (components/input) for the _TextInput partial. <see cref="Name"/> is the ModelState key.</summary>
public sealed record TextField(string Name, string Label)
{
    public string? Value { get; init; }
    public string? Hint { get; init; }
    public string Type { get; init; } = "text";
    public string? Autocomplete { get; init; }
    public string? InputMode { get; init; }
    public string? WidthClass { get; init; }
    public bool Spellcheck { get; init; } = true;
    public bool IsCode { get; init; }
}

/// <summary>An NHS.UK password input (components/password-input, with its Show button) for the _PasswordInput partial.</summary>
public sealed record PasswordField(string Name, string Label, string Autocomplete)
{
    public string? Hint { get; init; }

    /// <summary>
    /// The "Show" button. Off on the sign-in page, where the field must be the only thing labelled "Password"
    /// (the button's label is "Show password") for tools that find fields by their label.
    /// </summary>
    public bool CanShow { get; init; } = true;
}
