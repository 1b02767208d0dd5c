console.log("kaohe cli: not yet");
