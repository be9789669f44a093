// A Vue 3 host. Vue must be told that guichet-* tags are custom elements (compilerOptions
// .isCustomElement), else it tries to resolve them as Vue components and warns. `.prop` binds a
// property (`data`), plain bindings set attributes; `@guichet-submitted` listens to the event.
import { createApp } from 'vue';
import '@guichet/elements';

const endpoint = 'http://127.0.0.1:8787/api';

const app = createApp({
  data: () => ({ endpoint, prefill: { service: 'urbanisme' }, reference: '' }),
  methods: {
    onSubmitted(event) {
      this.reference = event.detail.reference;
    },
  },
  template: `
    <main>
      <h1>Nous écrire</h1>
      <guichet-form
        :src="endpoint + '/forms/contact-service'"
        :endpoint="endpoint"
        :data.prop="prefill"
        draft="none"
        @guichet-submitted="onSubmitted"
      ></guichet-form>
      <p id="host-status" role="status">{{ reference ? 'Votre demande ' + reference + ' est enregistrée.' : '' }}</p>
    </main>`,
});
// With a build step (Vite + @vitejs/plugin-vue), the same goes in the plugin's
// template.compilerOptions.isCustomElement.
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('guichet-');
app.mount('#app');
