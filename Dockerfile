# Container image of the web app. Build and run it together with PostgreSQL: docker compose up --build
# (see docker-compose.yml). Without Docker, use scripts/run.sh instead.

# ---- build ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Restore from the project files alone first, so this slow layer is reused while only code changes.
# The root files take part in every build: SDK pin, shared MSBuild properties, central package
# versions, and the analyzer settings (warnings are errors, as in CI).
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/CoproCommissioning.Domain/CoproCommissioning.Domain.csproj src/CoproCommissioning.Domain/
COPY src/CoproCommissioning.Data/CoproCommissioning.Data.csproj     src/CoproCommissioning.Data/
COPY src/CoproCommissioning.Web/CoproCommissioning.Web.csproj       src/CoproCommissioning.Web/
RUN dotnet restore src/CoproCommissioning.Web/CoproCommissioning.Web.csproj

COPY src/ src/
# UseAppHost=false: the runtime image starts it with 'dotnet', no native launcher needed.
RUN dotnet publish src/CoproCommissioning.Web/CoproCommissioning.Web.csproj \
      -c Release --no-restore -o /app/publish -p:UseAppHost=false

# ---- runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish .

# Plain http on 8080 inside the container (the image's ASPNETCORE_HTTP_PORTS default); TLS, if any,
# belongs to whatever stands in front of it.
EXPOSE 8080

# The .NET images ship a non-root 'app' user; APP_UID is its numeric id (a number, so that
# Kubernetes' runAsNonRoot can check it). The app writes nothing to disk: data protection keys
# live in the database.
USER $APP_UID

# Run from /app so that the content root (appsettings*.json, wwwroot) is found.
ENTRYPOINT ["dotnet", "CoproCommissioning.Web.dll"]
