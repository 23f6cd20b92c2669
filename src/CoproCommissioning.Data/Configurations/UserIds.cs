namespace CoproCommissioning.Data.Configurations;

internal static class UserIds
{
    /// <summary>Identity's key length with Identity UI registered (its MaxLengthForKeys is 128).</summary>
    public const int MaxLength = 128;
}
