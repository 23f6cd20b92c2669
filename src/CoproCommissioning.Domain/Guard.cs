using System.Runtime.CompilerServices;

namespace CoproCommissioning.Domain;

// Programming errors throw: a page that passes these has a bug, not a user who can fix something.
internal static class Guard
{
    public static void Utc(DateTimeOffset value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value.Offset != TimeSpan.Zero)
        {
            throw new ArgumentException("Pass times in UTC (offset zero), for example TimeProvider.GetUtcNow().", paramName);
        }
    }

    public static void Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{value} is not a {typeof(TEnum).Name}.");
        }
    }

    public static void NotEmpty(Guid value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value == Guid.Empty)
        {
            throw new ArgumentException("An id cannot be empty.", paramName);
        }
    }
}
