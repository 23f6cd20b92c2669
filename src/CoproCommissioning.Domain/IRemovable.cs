namespace CoproCommissioning.Domain;

/// <summary>
/// An aggregate people can remove outright (a glossary term). Its own method checks who may remove it and when, then
/// marks it removed; saving the change deletes it, so no page deletes rows itself.
/// </summary>
public interface IRemovable
{
    bool IsRemoved { get; }
}
