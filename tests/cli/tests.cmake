# Command-line habits from Alembic answered with hints; --version.
add_test(NAME cli_alembic_habits
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/alembic_habits.sh $<TARGET_FILE:retort> ${PROJECT_SOURCE_DIR}/samples)
# -d mariadb / dialect: mariadb: the MySQL back end for MariaDB (DROP CONSTRAINT, not DROP CHECK).
add_test(NAME cli_mariadb_name COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/mariadb_name.sh $<TARGET_FILE:retort>)
