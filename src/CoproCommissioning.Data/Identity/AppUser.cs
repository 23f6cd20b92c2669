using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Data.Identity;

public sealed class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = "";
}
