using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <summary>
    /// The app runs as a member of the group role <c>copro_runtime</c>, not as the owner that runs migrations, so it
    /// cannot disable the audit trigger or rewrite the audit trail (docs/decisions/0011-two-database-roles.md).
    /// Run migrations as the owner: the default privileges below apply to tables the migrating role creates.
    /// </summary>
    public partial class GrantRuntimeRolePrivileges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'copro_runtime') THEN
                        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
                            RAISE EXCEPTION 'the group role copro_runtime does not exist: create it first (CREATE ROLE copro_runtime NOLOGIN), then GRANT it to the login role the app uses (see docs/decisions/0011-two-database-roles.md)';
                        END IF;
                        CREATE ROLE copro_runtime NOLOGIN;
                    END IF;
                END
                $$;

                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO copro_runtime;
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO copro_runtime;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO copro_runtime;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO copro_runtime;

                -- Append-only for the app as well as by the trigger: it may add and read audit events, nothing else.
                REVOKE UPDATE, DELETE ON audit_events FROM copro_runtime;
                -- Only the owner changes the schema, so only the owner writes the migrations history.
                REVOKE INSERT, UPDATE, DELETE ON __ef_migrations_history FROM copro_runtime;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The role stays: it is shared by every database of the cluster and its login members.
            migrationBuilder.Sql("""
                ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM copro_runtime;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM copro_runtime;
                REVOKE ALL ON ALL TABLES IN SCHEMA public FROM copro_runtime;
                REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM copro_runtime;
                """);
        }
    }
}
