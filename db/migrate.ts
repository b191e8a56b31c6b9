import { dbHandle } from "./index";

const started = Date.now();
await dbHandle.migrate();
console.log(`migrations applied (${dbHandle.driver}) in ${Date.now() - started} ms`);
await dbHandle.close();
