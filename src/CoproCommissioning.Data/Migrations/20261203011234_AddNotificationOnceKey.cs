using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddNotificationOnceKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "once_key",
                table: "notifications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_once_key",
                table: "notifications",
                columns: new[] { "user_id", "once_key" },
                unique: true,
                filter: "once_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_user_id_once_key",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "once_key",
                table: "notifications");
        }
    }
}
