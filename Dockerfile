# syntax=docker/dockerfile:1
# The web app's container image, and the migrations bundle that upgrades its database (docs/operations.md,
# docs/decisions/0017-production-deployment.md). Built and run together with PostgreSQL by docker-compose.yml:
#   docker compose --profile production up -d --build
# NOT BUILT on the machines this project is developed on (they have no Docker engine): written from the .NET image
# documentation, with the migrations bundle and the health check's logic tried outside a container.

# ---- build: the SDK compiles, publishes and bundles the migrations ----
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Restore from the project files alone first, so this slow layer is reused while only code changes.
# The root files take part in every build: SDK pin, shared MSBuild properties, central package
# versions, the analyzer settings (warnings are errors, as in CI) and the dotnet-ef tool's version.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig dotnet-tools.json ./
COPY src/CoproCommissioning.Domain/CoproCommissioning.Domain.csproj src/CoproCommissioning.Domain/
COPY src/CoproCommissioning.Data/CoproCommissioning.Data.csproj     src/CoproCommissioning.Data/
COPY src/CoproCommissioning.Web/CoproCommissioning.Web.csproj       src/CoproCommissioning.Web/
RUN dotnet restore src/CoproCommissioning.Web/CoproCommissioning.Web.csproj && dotnet tool restore

COPY src/ src/
# UseAppHost=false: the runtime image starts it with 'dotnet', no native launcher needed.
RUN dotnet publish src/CoproCommissioning.Web/CoproCommissioning.Web.csproj \
      -c Release --no-restore -o /app/publish -p:UseAppHost=false
# The migrations as one executable (EF Core's migrations bundle). It reads the app's own settings: the owner's
# ConnectionStrings__Migrations and App__PublicBaseUrl, from the environment or from secret files (Secrets__Directory).
RUN dotnet ef migrations bundle -p src/CoproCommissioning.Data -s src/CoproCommissioning.Web \
      --configuration Release -o /app/publish/efbundle

# ---- runtime: the ASP.NET Core runtime on Ubuntu 24.04, as the non-root 'app' user ----
# The full (not chiseled) image, for bash: the health check below needs a shell and the image has no curl or wget.
# The chiseled variant (aspnet:10.0-noble-chiseled) also works, without the HEALTHCHECK (see docs/operations.md).
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime
WORKDIR /app
# Owned by root and not writable by the app's user: the app changes nothing on disk (Data Protection keys are in
# PostgreSQL, decision 0004; logs go to stdout as JSON).
COPY --from=build /app/publish .

# Plain HTTP on 8080 (the image's ASPNETCORE_HTTP_PORTS); TLS belongs to the reverse proxy in front
# (docs/operations.md). 'localhost' is answered too, so that the health check below is not refused by host filtering.
ENV AllowedHosts=localhost
EXPOSE 8080

# The .NET images ship a non-root 'app' user; APP_UID is its number, so that Kubernetes' runAsNonRoot can check it.
USER $APP_UID

# GET /health (which asks PostgreSQL) with bash alone: healthy only on "HTTP/1.1 200".
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${ASPNETCORE_HTTP_PORTS:-8080} && printf 'GET /health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && read -r -t 4 status <&3 && [[ $status == 'HTTP/1.1 200 '* ]]"]

# Run from /app so that the content root (appsettings*.json, wwwroot) is found.
ENTRYPOINT ["dotnet", "CoproCommissioning.Web.dll"]
