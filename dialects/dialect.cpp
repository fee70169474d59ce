#include "dialects/dialect.hpp"

#include "dialects/postgresql/postgresql_dialect.hpp"
#include "dialects/mysql/mysql_dialect.hpp"
#include "dialects/sqlite/sqlite_dialect.hpp"

namespace retort::dialects {

void Dialect::render(const plan::Step& step, Context& ctx) const {
    std::visit(
        [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, plan::CreateTable>) create_table(node, ctx);
            else if constexpr (std::is_same_v<T, plan::DropTable>) drop_table(node, ctx);
            else if constexpr (std::is_same_v<T, plan::RenameTable>) rename_table(node, ctx);
            else if constexpr (std::is_same_v<T, plan::CommentOnTable>) comment_on_table(node, ctx);
            else if constexpr (std::is_same_v<T, plan::CommentOnColumn>) comment_on_column(node, ctx);
            else if constexpr (std::is_same_v<T, plan::AlterTable>) alter_table(node, ctx);
            else if constexpr (std::is_same_v<T, plan::CreateIndex>) create_index(node, ctx);
            else if constexpr (std::is_same_v<T, plan::DropIndex>) drop_index(node, ctx);
            else if constexpr (std::is_same_v<T, plan::CreateEnum>) create_enum(node, ctx);
            else if constexpr (std::is_same_v<T, plan::DropEnum>) drop_enum(node, ctx);
            else if constexpr (std::is_same_v<T, plan::AddEnumValue>) add_enum_value(node, ctx);
            else if constexpr (std::is_same_v<T, plan::RenameEnumValue>) rename_enum_value(node, ctx);
            else if constexpr (std::is_same_v<T, plan::DropEnumValue>) drop_enum_value(node, ctx);
            else if constexpr (std::is_same_v<T, plan::Insert>) insert(node, ctx);
            else if constexpr (std::is_same_v<T, plan::Update>) update(node, ctx);
            else if constexpr (std::is_same_v<T, plan::Delete>) delete_(node, ctx);
            else if constexpr (std::is_same_v<T, plan::Execute>) execute(node, ctx);
            else static_assert(sizeof(T) == 0, "a plan step without a dialect hook");
        },
        step.node);
}

// The dialects register here, one line each. A server's name (mariadb)
// chooses the server over the flavor in `options`.
std::unique_ptr<Dialect> make_dialect(std::string_view name, const Options& options) {
    auto target = dialect::find_target(name);
    if (!target) return nullptr;
    switch (target->dialect->id) {
        case dialect::Id::postgresql: return std::make_unique<PostgresqlDialect>(options);
        case dialect::Id::mysql: {
            Options mysql = options;
            if (target->server) mysql.mysql_flavor = std::string(target->server->name);
            return std::make_unique<MysqlDialect>(std::move(mysql));
        }
        case dialect::Id::sqlite: return std::make_unique<SqliteDialect>(options);
    }
    return nullptr;
}

}  // namespace retort::dialects
