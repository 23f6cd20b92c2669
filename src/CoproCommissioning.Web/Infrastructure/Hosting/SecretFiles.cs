namespace CoproCommissioning.Web.Infrastructure.Hosting;

/// <summary>
/// Settings read from a folder of files, one file a setting, named like the environment variable
/// (<c>ConnectionStrings__Default</c>) and holding its value: how Docker and Kubernetes secrets arrive
/// (<c>/run/secrets</c>), so passwords need not sit in the environment, where <c>docker inspect</c> and crash reports
/// show them. Off unless <c>Secrets:Directory</c> names the folder; a file's value wins over the same setting
/// in the environment (docs/operations.md).
/// </summary>
public static class SecretFiles
{
    public const string DirectoryKey = "Secrets:Directory";

    public static void AddSecretFiles(this ConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var directory = configuration[DirectoryKey];
        if (string.IsNullOrWhiteSpace(directory))
        {
            return;
        }

        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException(
                $"Secrets:Directory is '{directory}', which is not a folder this app can read: mount the secrets there, or unset Secrets__Directory.");
        }

        configuration.AddKeyPerFile(directory, optional: false);
    }
}
