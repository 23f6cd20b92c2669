using CoproCommissioning.Data;
using CoproCommissioning.Data.Auditing;
using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Web.Tests.Data;

/// <summary>
/// Enums are stored by name in columns of <see cref="CoproDbContext.EnumMaxLength"/> characters, so a longer name
/// fails only when a row holding it is saved. Every name is checked here instead.
/// </summary>
public sealed class EnumColumnTests
{
    [Fact]
    public void Every_stored_enum_name_fits_its_column()
    {
        var enums = typeof(CommissioningCycle).Assembly.GetTypes().Append(typeof(AuditAction)).Where(t => t.IsEnum).ToList();

        var tooLong = enums.SelectMany(type => Enum.GetNames(type).Select(name => $"{type.Name}.{name}"))
            .Where(qualified => qualified[(qualified.IndexOf('.', StringComparison.Ordinal) + 1)..].Length > CoproDbContext.EnumMaxLength)
            .ToList();

        Assert.True(enums.Count > 20);
        Assert.True(tooLong.Count == 0, $"Shorten these to {CoproDbContext.EnumMaxLength} characters or fewer: {string.Join(", ", tooLong)}");
    }
}
