using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IamGraph.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SqlViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(IamGraph.Catalog.CatalogViews.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(IamGraph.Catalog.CatalogViews.Drop);
        }
    }
}
