using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>What the glossary's add and change forms post: a word or phrase, and what it means in plain words.</summary>
public sealed record GlossaryTermForm
{
    public string Term { get; init => field = value ?? ""; } = "";

    public string Meaning { get; init => field = value ?? ""; } = "";

    public static GlossaryTermForm From(GlossaryTerm term) => new() { Term = term.Term, Meaning = term.Meaning };
}
