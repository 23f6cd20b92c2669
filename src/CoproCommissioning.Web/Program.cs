using CoproCommissioning.Web.Infrastructure.Administration;
using Serilog;

// A plain logger for failures before the host's own logger exists. Not a reloadable "bootstrap"
// logger: those can be frozen only once per process, and the tests start many hosts.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    // "admin create …" runs a command with the app's services instead of the web server (scripts/admin.sh).
    var command = AdminCommand.Parse(args);
    var builder = WebApplication.CreateBuilder(command is null ? args : []);
    builder.AddCoproServices();

    var app = builder.Build();
    await app.PrepareDatabaseAsync();
    app.UseCoproPipeline();
    if (command is not null)
    {
        // The pipeline is set up (so links to pages can be made) but never served.
        Environment.ExitCode = await command.RunAsync(app.Services, Console.Out, CancellationToken.None);
        return;
    }

    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The app stopped because of an unhandled exception during start-up");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}
